package nl.weerthuis.query.eventsource.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.weerthuis.query.eventsource.ParkedEvents;
import nl.weerthuis.query.eventsource.ProjectionRebuilds;
import org.springframework.web.bind.annotation.DeleteMapping;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on read models (ADMIN): rebuild one from the event store while the system runs, and follow it. */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionController {

    private final ProjectionRebuilds rebuilds;
    private final ParkedEvents parked;

    ProjectionController(ProjectionRebuilds rebuilds, ParkedEvents parked) {
        this.rebuilds = rebuilds;
        this.parked = parked;
    }

    @Operation(summary = "The events a read model could not handle and parked, per client sequence (ids and types only)")
    @GetMapping("/{projection}/dead-letters")
    ResponseEntity<Object> parked(@PathVariable String projection) {
        return parked.of(projection).<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> unknown(projection));
    }

    @Operation(summary = "Handle a parked sequence again, in order (after the cause was fixed); what still fails stays parked")
    @PostMapping("/{projection}/dead-letters/{sequence}/retry")
    ResponseEntity<Object> retry(@PathVariable String projection, @PathVariable String sequence) {
        return parked.retry(projection, sequence).<ResponseEntity<Object>>map(handled -> ResponseEntity.ok(
                java.util.Map.of("handled", handled, "stillParked", parked.of(projection).orElse(java.util.List.of())
                        .stream().filter(p -> p.sequence().equals(sequence)).count())))
                .orElseGet(() -> unknown(projection));
    }

    @Operation(summary = "Drop a parked sequence for good (e.g. after a rebuild made it irrelevant)")
    @DeleteMapping("/{projection}/dead-letters/{sequence}")
    ResponseEntity<Object> evict(@PathVariable String projection, @PathVariable String sequence) {
        return parked.evict(projection, sequence).<ResponseEntity<Object>>map(n -> ResponseEntity.ok(
                java.util.Map.of("evicted", n))).orElseGet(() -> unknown(projection));
    }

    @ApiResponse(responseCode = "202", description = "The replay started; its progress so far")
    @Operation(summary = "Reset and replay a read model (e.g. monitor, history) from the event store; returns progress")
    @PostMapping("/{projection}/rebuild")
    ResponseEntity<Object> rebuild(@PathVariable String projection) {
        return rebuilds.rebuild(projection).<ResponseEntity<Object>>map(progress -> ResponseEntity.accepted().body(progress))
                .orElseGet(() -> unknown(projection));
    }

    @Operation(summary = "Progress of a read model's processor: replaying, position against the head of the store")
    @GetMapping("/{projection}")
    ResponseEntity<Object> progress(@PathVariable String projection) {
        return rebuilds.progress(projection).<ResponseEntity<Object>>map(ResponseEntity::ok).orElseGet(() -> unknown(projection));
    }

    private static ResponseEntity<Object> unknown(String projection) {
        return Problems.notFound("No read model " + projection);
    }
}
