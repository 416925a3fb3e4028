package nl.weerthuis.query.access.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerthuis.query.access.ProcessingActivities;
import nl.weerthuis.query.access.ProcessingLog;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import nl.weerthuis.kernel.identity.Role;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who received or read what about a client, when, for which purpose and on which legal basis. */
@RestController
class DisclosuresController {

    static final String ACTIVITY = "client-disclosures";

    private final JdbcTemplate jdbc;
    private final ProcessingLog processingLog;
    private final ProcessingActivities activities;

    DisclosuresController(JdbcTemplate jdbc, ProcessingLog processingLog, ProcessingActivities activities) {
        this.jdbc = jdbc;
        this.processingLog = processingLog;
        this.activities = activities;
    }

    @Operation(summary = "The processing log of one client: the client reads their own, auditors anyone's. "
            + "Reading it is itself logged.")
    @GetMapping("/api/v1/clients/{clientId}/disclosures")
    @Transactional
    ResponseEntity<Object> disclosures(@PathVariable String clientId,
                                       @RequestHeader(name = "traceparent", required = false) String traceParent,
                                       @AuthenticationPrincipal Actor caller, HttpServletResponse response) {
        if (!caller.hasRole(Role.AUDITOR) && !caller.isClient(clientId)) {
            return Problems.notFound("No such client");
        }
        Map<String, ProcessingActivities.Activity> register = activities.byId();
        List<Map<String, Object>> records = jdbc.query("""
                SELECT recorded_at, activity_id, organisation, organisation_type, roles, status, trace_id
                FROM processing_log WHERE data_subject = ? ORDER BY recorded_at, id""", (row, n) -> {
            Map<String, Object> record = new LinkedHashMap<>();
            ProcessingActivities.Activity activity = register.get(row.getString("activity_id"));
            record.put("at", row.getTimestamp("recorded_at").toInstant());
            record.put("activity", row.getString("activity_id"));
            record.put("activityName", activity == null ? null : activity.name());
            record.put("purpose", activity == null ? null : activity.purpose());
            record.put("legalBasis", activity == null ? null : activity.legalBasis());
            record.put("organisation", row.getString("organisation"));
            record.put("organisationType", row.getString("organisation_type"));
            record.put("roles", row.getString("roles"));
            record.put("status", row.getString("status"));
            record.put("traceId", row.getString("trace_id"));
            return record;
        }, processingLog.pseudonym(clientId));
        ProcessingLog.Trace trace = ProcessingLog.Trace.from(traceParent);
        processingLog.record(ACTIVITY, List.of(clientId), caller, trace, "COMPLETED");
        response.setHeader("traceparent", trace.traceParent());
        return ResponseEntity.ok(Map.of("clientId", clientId, "disclosures", records));
    }
}
