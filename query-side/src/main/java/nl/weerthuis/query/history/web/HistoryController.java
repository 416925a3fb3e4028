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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    @Operation(summary = "The decision history of one client as of an instant (default: now): every decision in plain "
            + "words, by which organisation (by name) and role, on which grounds, under which agreement version and rule, "
            + "and the state of each aggregate then as readable facts. Paged by the event store's global index: at most "
            + "limit entries (default 500, at most 1000) after the global index after; page.nextAfter names the next page "
            + "(null on the last). An auditor of an organisation that is or was involved with the client (minimised for "
            + "its type, and as of the end of a past involvement); an inspectorate's (SUPERVISOR) auditor for any client, "
            + "naming the processing activity in X-Processing-Activity; or the client reading their own. Logged.")
    @GetMapping("/api/v1/clients/{clientId}/history")
    @Transactional
    ResponseEntity<Object> history(@PathVariable String clientId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                   @RequestParam(required = false) Long after,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestHeader(name = ACTIVITY_HEADER, required = false) String activity,
                                   @RequestHeader(name = "traceparent", required = false) String traceParent,
                                   @AuthenticationPrincipal Actor caller, HttpServletResponse response) {
        List<Map<String, String>> invalid = new ArrayList<>();
        if (after != null && after < 0) {
            invalid.add(Map.of("name", "after", "reason", "a global index, 0 or more"));
        }
        if (limit != null && (limit < 1 || limit > DecisionHistory.MAX_LIMIT)) {
            invalid.add(Map.of("name", "limit", "reason", "from 1 to " + DecisionHistory.MAX_LIMIT));
        }
        if (!invalid.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The page asked for is not valid");
            problem.setTitle("Invalid page");
            problem.setProperty("invalidParams", invalid);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Instant asked = asOf == null ? Instant.now() : asOf;
        var standing = histories.standing(clientId);
        if (standing.isEmpty()) {
            return Problems.notFound("No such client");
        }
        AuditRemit.Decision remit = AuditRemit.of(caller, clientId, standing.get().involvements(), ACTIVITY,
                activity == null ? java.util.Optional.empty() : activities.find(activity).map(ProcessingActivities.Activity::id));
        if (remit instanceof AuditRemit.ActivityRequired) {
            return Problems.invalid("No processing activity", "An inspectorate names the processing activity of each "
                    + "read in " + ACTIVITY_HEADER + "; known: " + activities.byId().keySet(), ACTIVITY_HEADER,
                    "unknown or missing");
        }
        if (!(remit instanceof AuditRemit.Allowed allowed)) {
            return Problems.notFound("No such client");
        }
        Instant cut = allowed.until() != null && allowed.until().isBefore(asked) ? allowed.until() : asked;
        var history = histories.history(standing.get(), cut, after == null ? 0 : after,
                limit == null ? DecisionHistory.DEFAULT_LIMIT : limit, allowed.readAs(), caller.organisation());
        ProcessingLog.Trace trace = ProcessingLog.Trace.from(traceParent);
        processingLog.record(allowed.activity(), List.of(clientId), caller, trace, "COMPLETED");
        response.setHeader("traceparent", trace.traceParent());
        return ResponseEntity.ok(history);
    }
}
