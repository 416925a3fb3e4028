package nl.weerthuis.query.history.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerthuis.query.access.ProcessingLog;
import nl.weerthuis.query.history.DecisionHistory;
import nl.weerthuis.query.web.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

    private final DecisionHistory histories;
    private final ProcessingLog processingLog;

    HistoryController(DecisionHistory histories, ProcessingLog processingLog) {
        this.histories = histories;
        this.processingLog = processingLog;
    }

    @Operation(summary = "The decision history of one client as of an instant (default: now), with the state of each "
            + "aggregate then. Auditors, or the client reading their own. Every read is logged.")
    @GetMapping("/api/v1/clients/{clientId}/history")
    @Transactional
    ResponseEntity<Object> history(@PathVariable String clientId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
                                   @RequestHeader(name = "traceparent", required = false) String traceParent,
                                   @AuthenticationPrincipal Jwt caller, HttpServletResponse response) {
        // A client reads only their own history; anyone else's does not exist for them.
        if (caller.getClaimAsStringList("roles").contains("CLIENT")
                && !caller.getClaimAsStringList("roles").contains("AUDITOR")
                && !clientId.equals(caller.getClaimAsString("client_id"))) {
            return Problems.notFound("No such client");
        }
        var history = histories.of(clientId, asOf == null ? Instant.now() : asOf);
        if (history.isEmpty()) {
            return Problems.notFound("No such client");
        }
        ProcessingLog.Trace trace = ProcessingLog.Trace.from(traceParent);
        processingLog.record(ACTIVITY, List.of(clientId), caller, trace, "COMPLETED");
        response.setHeader("traceparent", trace.traceParent());
        return ResponseEntity.ok(history.get());
    }
}
