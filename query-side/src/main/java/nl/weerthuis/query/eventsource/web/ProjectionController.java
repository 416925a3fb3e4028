package nl.weerthuis.query.eventsource.web;

import io.swagger.v3.oas.annotations.Operation;
import nl.weerthuis.query.eventsource.ProjectionRebuilds;
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

    ProjectionController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

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
