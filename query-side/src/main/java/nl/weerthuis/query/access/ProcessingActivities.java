package nl.weerthuis.query.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of processing activities (verwerkingsregister), kept in configuration: every read of personal data
 * names one of these, and the processing log records which.
 */
@ConfigurationProperties("weerthuis")
public record ProcessingActivities(List<Activity> processingActivities, String processingActivityRegister) {

    public record Activity(String id, String name, String purpose, String legalBasis, List<String> categories,
                           String retention) {
    }

    public Optional<Activity> find(String id) {
        return processingActivities == null ? Optional.empty()
                : processingActivities.stream().filter(activity -> activity.id().equals(id)).findFirst();
    }

    /**
     * The activity's address in the served register, as the processing log's {@code dpl.core.processing_activity_id}
     * names it (Logboek Dataverwerkingen, Component Register: a relevant change of an activity takes a new id, so an
     * address always means one version of it).
     */
    public URI uriOf(String id) {
        String base = processingActivityRegister == null ? "/api/v1/processing-activities/" : processingActivityRegister;
        return URI.create(base + (base.endsWith("/") ? "" : "/") + id);
    }

    public Map<String, Activity> byId() {
        return processingActivities.stream().collect(java.util.stream.Collectors.toMap(Activity::id, a -> a));
    }
}
