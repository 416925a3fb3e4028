package nl.weerthuis.query.history.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerthuis.kernel.identity.Actor;
import nl.weerthuis.query.access.ProcessingActivities;
import nl.weerthuis.query.access.ProcessingLog;
import nl.weerthuis.query.history.AuditRemit;
import nl.weerthuis.query.history.DecisionHistory;
import nl.weerthuis.query.web.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
class HistoryController {

    static final String ACTIVITY = "audit-decision-history";
    static final String ACTIVITY_HEADER = "X-Processing-Activity";

    private final DecisionHistory histories;
    private final ProcessingLog processingLog;
    private final ProcessingActivities activities;

    HistoryController(DecisionHistory histories, ProcessingLog processingLog, ProcessingActivities activities) {
        this.histories = histories;
        this.processingLog = processingLog;
        this.activities = activities;
    }

    @Operation(summary = "The decision history of one client as of an instant (default: now), with the state of each "
            + "aggregate then. An auditor of an organisation that is or was involved with the client (minimised for its "
            + "type, and as of the end of a past involvement); an inspectorate's (SUPERVISOR) auditor for any client, "
            + "naming the processing activity in X-Processing-Activity; or the client reading their own. Logged.")
    @GetMapping("/api/v1/clients/{clientId}/history")
    @Transactional
    ResponseEntity<Object> history(@PathVariable String clientId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                   @RequestHeader(name = ACTIVITY_HEADER, required = false) String activity,
                                   @RequestHeader(name = "traceparent", required = false) String traceParent,
                                   @AuthenticationPrincipal Actor caller, HttpServletResponse response) {
        Instant asked = asOf == null ? Instant.now() : asOf;
        var read = histories.read(clientId, asked);
        if (read.isEmpty()) {
            return Problems.notFound("No such client");
        }
        AuditRemit.Decision remit = AuditRemit.of(caller, clientId, read.get().involvements(), ACTIVITY,
                activity == null ? java.util.Optional.empty() : activities.find(activity).map(ProcessingActivities.Activity::id));
        if (remit instanceof AuditRemit.ActivityRequired) {
            return Problems.invalid("No processing activity", "An inspectorate names the processing activity of each "
                    + "read in " + ACTIVITY_HEADER + "; known: " + activities.byId().keySet(), ACTIVITY_HEADER,
                    "unknown or missing");
        }
        if (!(remit instanceof AuditRemit.Allowed allowed)) {
            return Problems.notFound("No such client");
        }
        var history = allowed.until() != null && allowed.until().isBefore(asked)
                ? histories.read(clientId, allowed.until()).orElseThrow() : read.get();
        ProcessingLog.Trace trace = ProcessingLog.Trace.from(traceParent);
        processingLog.record(allowed.activity(), List.of(clientId), caller, trace, "COMPLETED");
        response.setHeader("traceparent", trace.traceParent());
        return ResponseEntity.ok(histories.minimised(history, allowed.readAs(), caller.organisation()));
    }
}
