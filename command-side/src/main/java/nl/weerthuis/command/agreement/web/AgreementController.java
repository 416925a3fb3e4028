package nl.weerthuis.command.agreement.web;

import io.swagger.v3.oas.annotations.Operation;
import nl.weerthuis.kernel.input.FreeText;
import nl.weerthuis.kernel.input.Planned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.command.web.CommandDispatch;
import nl.weerthuis.command.web.Creates;
import nl.weerthuis.command.web.IdempotentRequests;
import nl.weerthuis.kernel.agreement.AdoptAgreementCommand;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.AmendPolicyCommand;
import nl.weerthuis.kernel.agreement.SetQuotaCommand;
import nl.weerthuis.kernel.agreement.SetTargetCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/regional-agreements")
class AgreementController {

    record Adopt(@NotBlank @Size(max = 100) String region, @NotBlank @Size(max = 200) String name,
                 @NotNull @Planned LocalDate effectiveFrom, @NotNull @Valid AgreementPolicy policy) {
    }

    record Amend(@NotNull @Planned LocalDate effectiveFrom, @NotNull @Valid AgreementPolicy policy,
                 @NotBlank @FreeText @Size(max = 4000) String grounds) {
    }

    record Quota(@NotNull @Pattern(regexp = "\\d{8}|\\d{20}", message = "must be a KvK number or an OIN") String corporation,
                 @Min(2000) @Max(2100) int year, @Min(0) int dwellings) {
    }

    record Target(@Min(1) int outflows, @NotNull @Planned LocalDate targetDate) {
    }

    private final CommandDispatch dispatch;

    AgreementController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Creates("agreementId")
    @Operation(summary = "Adopt a region's agreement (version 1 of its rules)")
    @PostMapping
    ResponseEntity<Object> adopt(@Valid @RequestBody Adopt request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.create(key, caller, request, "agreementId", id -> new AdoptAgreementCommand(id,
                request.region(), request.name(), request.effectiveFrom(), request.policy()));
    }

    @Operation(summary = "Amend the rules from a date on (a new version)")
    @PostMapping("/{agreementId}/amendments")
    ResponseEntity<Object> amend(@PathVariable String agreementId, @Valid @RequestBody Amend request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new AmendPolicyCommand(agreementId, request.effectiveFrom(), request.policy(),
                request.grounds()));
    }

    @Operation(summary = "Set a corporation's quota (contingent) for a year")
    @PostMapping("/{agreementId}/quotas")
    ResponseEntity<Object> quota(@PathVariable String agreementId, @Valid @RequestBody Quota request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new SetQuotaCommand(agreementId, request.corporation(), request.year(),
                request.dwellings()));
    }

    @Operation(summary = "Set the region's outflow target")
    @PostMapping("/{agreementId}/targets")
    ResponseEntity<Object> target(@PathVariable String agreementId, @Valid @RequestBody Target request,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new SetTargetCommand(agreementId, request.outflows(), request.targetDate()));
    }
}
