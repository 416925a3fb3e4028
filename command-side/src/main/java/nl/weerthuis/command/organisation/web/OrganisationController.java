package nl.weerthuis.command.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.command.web.CommandDispatch;
import nl.weerthuis.command.web.IdempotentRequests;
import nl.weerthuis.kernel.identity.Actor;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.organisation.ChangeOrganisationRegionsCommand;
import nl.weerthuis.kernel.organisation.ChangeOrganisationTypeCommand;
import nl.weerthuis.kernel.organisation.RegisterOrganisationCommand;
import nl.weerthuis.kernel.organisation.RenameOrganisationCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The organisation register, kept by the operator's ADMIN (the rule is in the security configuration). */
@RestController
@RequestMapping("/api/v1/organisations")
class OrganisationController {

    record Register(@NotNull @Pattern(regexp = "\\d{8}|\\d{20}", message = "must be a KvK number or an OIN") String organisationId,
                    @NotBlank @Size(max = 200) String name, @NotNull OrganisationType type,
                    @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> regions) {
    }

    record Name(@NotBlank @Size(max = 200) String name) {
    }

    record Type(@NotNull OrganisationType type) {
    }

    record Regions(@NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> regions) {
    }

    private final CommandDispatch dispatch;

    OrganisationController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Operation(summary = "Register an organisation under its OIN or KvK number")
    @PostMapping
    ResponseEntity<Object> register(@Valid @RequestBody Register request,
                                    @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                    @AuthenticationPrincipal Actor caller) {
        return dispatch.createAt(key, caller, request, "organisationId", request.organisationId(),
                id -> new RegisterOrganisationCommand(id, request.name(), request.type(), request.regions()));
    }

    @Operation(summary = "Rename a registered organisation (its number stays)")
    @PostMapping("/{organisationId}/name")
    ResponseEntity<Object> rename(@PathVariable String organisationId, @Valid @RequestBody Name request,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RenameOrganisationCommand(organisationId, request.name()));
    }

    @Operation(summary = "Change the type of a registered organisation")
    @PostMapping("/{organisationId}/type")
    ResponseEntity<Object> changeType(@PathVariable String organisationId, @Valid @RequestBody Type request,
                                      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                      @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new ChangeOrganisationTypeCommand(organisationId, request.type()));
    }

    @Operation(summary = "Change the regions a registered organisation works in (the whole list)")
    @PostMapping("/{organisationId}/regions")
    ResponseEntity<Object> changeRegions(@PathVariable String organisationId, @Valid @RequestBody Regions request,
                                         @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                         @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new ChangeOrganisationRegionsCommand(organisationId, request.regions()));
    }
}
