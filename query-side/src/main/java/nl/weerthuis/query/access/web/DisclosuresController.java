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
import nl.weerthuis.kernel.identity.OrganisationType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import nl.weerthuis.query.history.AuditRemit;
import nl.weerthuis.query.history.DecisionHistory;
import java.util.Map;

/**
 * Who received or read what about a client, when, for which purpose and on which legal basis. A corporation's
 * auditor sees its own organisation's reads in full and every other read only as "another organisation" (no name,
 * type, roles or trace): which care providers read a file would tell it that the client receives care, which it
 * may learn only with the client's consent and then only from the client file.
 */
@RestController
class DisclosuresController {

    static final String ACTIVITY = "client-disclosures";

    static final String ACTIVITY_HEADER = "X-Processing-Activity";

    static final String ANOTHER_ORGANISATION = "another organisation";

    private final JdbcTemplate jdbc;
    private final ProcessingLog processingLog;
    private final ProcessingActivities activities;
    private final DecisionHistory histories;

    DisclosuresController(JdbcTemplate jdbc, ProcessingLog processingLog, ProcessingActivities activities,
                          DecisionHistory histories) {
        this.histories = histories;
        this.jdbc = jdbc;
        this.processingLog = processingLog;
        this.activities = activities;
    }

    @Operation(summary = "The processing log of one client: the client reads their own; an auditor of an organisation "
            + "that is or was involved (up to the end of a past involvement); an inspectorate's auditor any client's, "
            + "naming the processing activity in X-Processing-Activity. Reading it is itself logged.")
    @GetMapping("/api/v1/clients/{clientId}/disclosures")
    @Transactional
    ResponseEntity<Object> disclosures(@PathVariable String clientId,
                                       @RequestHeader(name = ACTIVITY_HEADER, required = false) String namedActivity,
                                       @RequestHeader(name = "traceparent", required = false) String traceParent,
                                       @AuthenticationPrincipal Actor caller, HttpServletResponse response) {
        var read = histories.standing(clientId);
        AuditRemit.Decision remit = read.isEmpty() ? new AuditRemit.Hidden() : AuditRemit.of(caller, clientId,
                read.get().involvements(), ACTIVITY,
                namedActivity == null ? Optional.empty() : activities.find(namedActivity).map(ProcessingActivities.Activity::id));
        if (remit instanceof AuditRemit.ActivityRequired) {
            return Problems.invalid("No processing activity", "An inspectorate names the processing activity of each "
                    + "read in " + ACTIVITY_HEADER + "; known: " + activities.byId().keySet(), ACTIVITY_HEADER,
                    "unknown or missing");
        }
        if (!(remit instanceof AuditRemit.Allowed allowed)) {
            return Problems.notFound("No such client");
        }
        Instant until = allowed.until() == null ? Instant.now() : allowed.until();
        Map<String, ProcessingActivities.Activity> register = activities.byId();
        boolean othersAnonymous = allowed.readAs() == OrganisationType.HOUSING_CORPORATION;
        List<Map<String, Object>> records = jdbc.query("""
                SELECT * FROM processing_log WHERE data_subject = ? AND recorded_at <= ? ORDER BY recorded_at, id""", (row, n) -> {
            Map<String, Object> record = new LinkedHashMap<>();
            ProcessingActivities.Activity activity = register.get(row.getString("activity_id"));
            record.put("at", row.getTimestamp("recorded_at").toInstant());
            record.put("activity", row.getString("activity_id"));
            record.put("activityName", activity == null ? null : activity.name());
            record.put("purpose", activity == null ? null : activity.purpose());
            record.put("legalBasis", activity == null ? null : activity.legalBasis());
            if (othersAnonymous && !caller.organisation().equals(row.getString("organisation"))) {
                record.put("organisation", ANOTHER_ORGANISATION);
                record.put("status", row.getString("status"));
                return record;
            }
            record.put("organisation", row.getString("organisation"));
            record.put("organisationType", row.getString("organisation_type"));
            record.put("roles", row.getString("roles"));
            record.put("status", row.getString("status"));
            record.put("traceId", row.getString("trace_id"));
            // The same record as Logboek Dataverwerkingen defines it (the subject's id encrypted).
            record.put("logRecord", processingLog.inTheStandardsShape(row));
            return record;
        }, processingLog.pseudonym(clientId), java.sql.Timestamp.from(until));
        ProcessingLog.Trace trace = ProcessingLog.Trace.from(traceParent);
        processingLog.record(allowed.activity(), List.of(clientId), caller, trace, "COMPLETED");
        response.setHeader("traceparent", trace.traceParent());
        return ResponseEntity.ok(Map.of("clientId", clientId, "disclosures", records));
    }
}
