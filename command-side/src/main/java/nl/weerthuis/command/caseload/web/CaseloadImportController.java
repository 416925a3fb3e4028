package nl.weerthuis.command.caseload.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.weerthuis.command.caseload.CaseloadImport;
import nl.weerthuis.command.caseload.CaseloadRequests;
import nl.weerthuis.command.web.IdempotentRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/caseload-imports}: a region's existing caseload, as JSON journeys or as the CSV template.
 * Everything is checked first and recorded all or nothing; {@code dryRun=true} reports per row what would be
 * recorded, or why not.
 */
@RestController
@RequestMapping("/api/v1/caseload-imports")
class CaseloadImportController {

    private final CaseloadImport imports;
    private final IdempotentRequests idempotentRequests;

    CaseloadImportController(CaseloadImport imports, IdempotentRequests idempotentRequests) {
        this.imports = imports;
        this.idempotentRequests = idempotentRequests;
    }

    @ApiResponse(responseCode = "200", description = "Dry run: per row what would be recorded; nothing is",
            content = @Content(schema = @Schema(implementation = CaseloadImport.Report.class)))
    @ApiResponse(responseCode = "201", description = "Recorded, all of it: per row what was",
            content = @Content(schema = @Schema(implementation = CaseloadImport.Report.class)))
    @ApiResponse(responseCode = "422", description = "CASELOAD_INVALID: nothing was recorded, the rows at fault are "
            + "listed; or the Idempotency-Key was used for another request")
    @ApiResponse(responseCode = "503", description = "The event store found no moment to take the batch alone (an "
            + "append stayed in flight for 30 s): nothing was recorded; send it again after Retry-After",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After",
                    description = "Seconds to wait before sending the batch again", schema = @Schema(type = "integer")))
    @Operation(summary = "Import a region's existing caseload (JSON: {region, journeys: [...]}); all or nothing; "
            + "dryRun=true reports per row what would be recorded")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> importJson(@RequestBody JsonNode body, @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                      @AuthenticationPrincipal Actor caller) {
        CaseloadRequests.Batch batch;
        try {
            batch = CaseloadRequests.fromJson(body);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        return answer(batch, dryRun, key, caller);
    }

    @ApiResponse(responseCode = "200", description = "Dry run: per row what would be recorded; nothing is",
            content = @Content(schema = @Schema(implementation = CaseloadImport.Report.class)))
    @ApiResponse(responseCode = "201", description = "Recorded, all of it: per row what was",
            content = @Content(schema = @Schema(implementation = CaseloadImport.Report.class)))
    @ApiResponse(responseCode = "422", description = "CASELOAD_INVALID: nothing was recorded, the rows at fault are "
            + "listed; or the Idempotency-Key was used for another request")
    @ApiResponse(responseCode = "503", description = "The event store found no moment to take the batch alone (an "
            + "append stayed in flight for 30 s): nothing was recorded; send it again after Retry-After",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Retry-After",
                    description = "Seconds to wait before sending the batch again", schema = @Schema(type = "integer")))
    @Operation(summary = "Import a region's existing caseload from the CSV template (region as a parameter)")
    @PostMapping(consumes = "text/csv")
    ResponseEntity<Object> importCsv(@RequestBody String body, @RequestParam(required = false) String region,
                                     @RequestParam(defaultValue = "false") boolean dryRun,
                                     @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                     @AuthenticationPrincipal Actor caller) {
        CaseloadRequests.Batch batch;
        try {
            batch = CaseloadRequests.fromCsv(region, body);
        } catch (IllegalArgumentException e) {
            return invalid(e.getMessage());
        }
        return answer(batch, dryRun, key, caller);
    }

    private ResponseEntity<Object> answer(CaseloadRequests.Batch batch, boolean dryRun, String key, Actor caller) {
        if (dryRun) { // nothing is recorded, so repeating it is harmless: no idempotency key needed
            return report(imports.run(batch.region(), batch.rows(), true, caller));
        }
        return idempotentRequests.once(key, caller, batch, () -> report(imports.run(batch.region(), batch.rows(), false, caller)));
    }

    private static ResponseEntity<Object> report(CaseloadImport.Report report) {
        if (!report.valid() || report.rows().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, report.rows().isEmpty()
                    ? "the batch holds no journeys" : "nothing was recorded: the rows below are not valid");
            problem.setTitle("Rule violated: CASELOAD_INVALID");
            problem.setProperty("rule", "CASELOAD_INVALID");
            problem.setProperty("rows", report.rows().stream().filter(r -> !r.problems().isEmpty()).toList());
            return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.status(report.dryRun() ? HttpStatus.OK : HttpStatus.CREATED).body(report);
    }

    private static ResponseEntity<Object> invalid(String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
        problem.setTitle("Invalid input");
        problem.setProperty("invalidParams", List.of(Map.of("name", "body", "reason", reason)));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
