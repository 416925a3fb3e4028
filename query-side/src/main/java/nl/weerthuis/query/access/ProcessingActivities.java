package nl.weerthuis.query.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of processing activities (verwerkingsregister), kept in configuration: every read of personal data
 * names one of these, and the processing log records which.
 */
@ConfigurationProperties("weerthuis")
public record ProcessingActivities(List<Activity> processingActivities) {

    public record Activity(String id, String name, String purpose, String legalBasis, List<String> categories,
                           String retention) {
    }

    public Optional<Activity> find(String id) {
        return processingActivities == null ? Optional.empty()
                : processingActivities.stream().filter(activity -> activity.id().equals(id)).findFirst();
    }

    public Map<String, Activity> byId() {
        return processingActivities.stream().collect(java.util.stream.Collectors.toMap(Activity::id, a -> a));
    }
}
