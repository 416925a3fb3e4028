package nl.weerthuis.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestMapping;


/**
 * The current version of a resource, so a caller's first {@code If-Match} is not a guess: its id and version, with
 * the version as ETag, and nothing else (no personal data). Not involved: 404, as for commands. HEAD gives the ETag.
 */
@RestController
class VersionController {

    /** The answer: the resource's id and current version (also its ETag). */
    record CurrentVersion(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version) {
    }

    private final CommandDispatch dispatch;

    VersionController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Operation(summary = "The current version of a client (ETag)")
    @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD}, path = "/api/v1/clients/{clientId}")
    ResponseEntity<CurrentVersion> client(@PathVariable String clientId, @AuthenticationPrincipal Actor caller) {
        return version(clientId, caller);
    }

    @Operation(summary = "The current version of a tenancy (ETag)")
    @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD}, path = "/api/v1/tenancies/{tenancyId}")
    ResponseEntity<CurrentVersion> tenancy(@PathVariable String tenancyId, @AuthenticationPrincipal Actor caller) {
        return version(tenancyId, caller);
    }

    @Operation(summary = "The current version of a care indication (ETag)")
    @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD}, path = "/api/v1/care-indications/{indicationId}")
    ResponseEntity<CurrentVersion> indication(@PathVariable String indicationId, @AuthenticationPrincipal Actor caller) {
        return version(indicationId, caller);
    }

    @Operation(summary = "The current version of a regional agreement (ETag)")
    @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD}, path = "/api/v1/regional-agreements/{agreementId}")
    ResponseEntity<CurrentVersion> agreement(@PathVariable String agreementId, @AuthenticationPrincipal Actor caller) {
        return version(agreementId, caller);
    }

    @Operation(summary = "The current version of a registered organisation (ETag)")
    @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD}, path = "/api/v1/organisations/{organisationId}")
    ResponseEntity<CurrentVersion> organisation(@PathVariable String organisationId, @AuthenticationPrincipal Actor caller) {
        return version(organisationId, caller);
    }

    private ResponseEntity<CurrentVersion> version(String id, Actor caller) {
        return dispatch.currentVersionFor(caller, id)
                .map(version -> ResponseEntity.ok().eTag(CommandDispatch.etag(version)).body(new CurrentVersion(id, version)))
                .orElseThrow(() -> new org.axonframework.modelling.command.AggregateNotFoundException(id, "not found"));
    }
}
