package nl.weerthuis.query.access.web;

import io.swagger.v3.oas.annotations.Operation;
import nl.weerthuis.query.access.ProcessingActivities;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The register of processing activities (verwerkingsregister) as a read-only resource: what every processing-log
 * record's {@code dpl.core.processing_activity_id} points to (Logboek Dataverwerkingen, Component Register).
 */
@RestController
@RequestMapping("/api/v1/processing-activities")
class ProcessingActivitiesController {

    record Entry(String id, URI uri, String name, String purpose, String legalBasis, List<String> categories,
                 String retention) {
    }

    private final ProcessingActivities activities;

    ProcessingActivitiesController(ProcessingActivities activities) {
        this.activities = activities;
    }

    @Operation(summary = "The register of processing activities: each with its URI, name, purpose and legal ground")
    @GetMapping
    Map<String, List<Entry>> all() {
        return Map.of("processingActivities", activities.processingActivities().stream().map(this::entry).toList());
    }

    @Operation(summary = "One processing activity of the register, by its id")
    @GetMapping("/{activityId}")
    ResponseEntity<Object> one(@PathVariable String activityId) {
        return activities.find(activityId).<ResponseEntity<Object>>map(activity -> ResponseEntity.ok(entry(activity)))
                .orElseGet(() -> Problems.notFound("No such processing activity in the register"));
    }

    private Entry entry(ProcessingActivities.Activity activity) {
        return new Entry(activity.id(), activities.uriOf(activity.id()), activity.name(), activity.purpose(),
                activity.legalBasis(), activity.categories(), activity.retention());
    }
}
