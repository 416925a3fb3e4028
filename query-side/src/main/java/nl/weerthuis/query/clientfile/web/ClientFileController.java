package nl.weerthuis.query.clientfile.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import nl.weerthuis.query.access.ProcessingActivities;
import nl.weerthuis.query.access.ProcessingLog;
import nl.weerthuis.query.clientfile.ClientFile;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class ClientFileController {

    static final String ACTIVITY_HEADER = "X-Processing-Activity";

    private final ClientFile files;
    private final ProcessingLog processingLog;
    private final ProcessingActivities activities;

    ClientFileController(ClientFile files, ProcessingLog processingLog, ProcessingActivities activities) {
        this.files = files;
        this.processingLog = processingLog;
        this.activities = activities;
    }

    @Operation(summary = "A client's file for a caseworker of an involved organisation, minimised by organisation type "
            + "and the client's consent. The read names its processing activity (header X-Processing-Activity) and is logged.")
    @GetMapping("/api/v1/clients/{clientId}/file")
    @Transactional
    ResponseEntity<Object> file(@PathVariable String clientId,
                                @RequestHeader(name = ACTIVITY_HEADER, required = false) String activity,
                                @RequestHeader(name = "traceparent", required = false) String traceParent,
                                @AuthenticationPrincipal Actor caller, HttpServletResponse response) {
        // Purpose binding: no read of personal data without a processing activity from the register.
        if (activity == null || activities.find(activity).isEmpty()) {
            return Problems.invalid("No processing activity", "Name the processing activity of this read in "
                    + ACTIVITY_HEADER + "; known: " + activities.byId().keySet(), ACTIVITY_HEADER, "unknown or missing");
        }
        var file = files.read(clientId, caller.organisation(), caller.organisationType().name());
        if (file.isEmpty()) {
            return Problems.notFound("No such client");
        }
        ProcessingLog.Trace trace = ProcessingLog.Trace.from(traceParent);
        processingLog.record(activity, List.of(clientId), caller, trace, "COMPLETED");
        response.setHeader("traceparent", trace.traceParent());
        return ResponseEntity.ok(file.get());
    }

    @Operation(summary = "The client's own agreements (per tenancy) and consents; only the client themself. Logged.")
    @GetMapping("/api/v1/clients/{clientId}/agreements")
    @Transactional
    ResponseEntity<Object> ownAgreements(@PathVariable String clientId,
                                         @RequestHeader(name = "traceparent", required = false) String traceParent,
                                         @AuthenticationPrincipal Actor caller, HttpServletResponse response) {
        if (!clientId.equals(caller.clientId())) {
            return Problems.notFound("No such client");
        }
        ProcessingLog.Trace trace = ProcessingLog.Trace.from(traceParent);
        processingLog.record("client-own-agreements", List.of(clientId), caller, trace, "COMPLETED");
        response.setHeader("traceparent", trace.traceParent());
        return ResponseEntity.ok(files.ownAgreements(clientId));
    }
}
