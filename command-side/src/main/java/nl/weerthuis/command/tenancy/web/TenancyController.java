package nl.weerthuis.command.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import nl.weerthuis.command.web.CommandDispatch;
import nl.weerthuis.command.web.Creates;
import nl.weerthuis.command.web.IdempotentRequests;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.*;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;


@RestController
@RequestMapping("/api/v1/tenancies")
class TenancyController {

    private final CommandDispatch dispatch;

    TenancyController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Creates("tenancyId")
    @Operation(summary = "The corporation offers a dwelling, in a lease form, to a client with an open trajectory")
    @PostMapping
    ResponseEntity<Object> offer(@Valid @RequestBody TenancyRequests.Offer request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        var dwelling = new Dwelling(request.dwelling().address(), request.dwelling().municipality(),
                request.dwelling().neighbourhood());
        return dispatch.create(key, caller, request, "tenancyId", id -> new OfferDwellingCommand(id, request.clientId(),
                caller.organisation(), request.careProvider(), request.leaseForm(), dwelling,
                request.fromQuota(), request.offeredOn()));
    }

    @Operation(summary = "The client accepts the offer")
    @PostMapping("/{tenancyId}/acceptance")
    ResponseEntity<Object> accept(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.OnDate request,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new AcceptOfferCommand(tenancyId, request.on()));
    }

    @Operation(summary = "The offer is refused, with grounds")
    @PostMapping("/{tenancyId}/refusal")
    ResponseEntity<Object> refuse(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.WithGrounds request,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RefuseOfferCommand(tenancyId, request.on(), request.grounds()));
    }

    @Operation(summary = "The lease is signed: the tenancy starts in the offered lease form")
    @PostMapping("/{tenancyId}/contract")
    ResponseEntity<Object> start(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.OnDate request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new StartTenancyCommand(tenancyId, request.on()));
    }

    @Operation(summary = "Record the agreements made with the client")
    @PostMapping("/{tenancyId}/agreements")
    ResponseEntity<Object> agreements(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.Agreements request,
                                      @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                      @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RecordTenancyAgreementsCommand(tenancyId, request.agreements(),
                request.recordedOn()));
    }

    @Operation(summary = "The client moves in: the outflow moment")
    @PostMapping("/{tenancyId}/move-in")
    ResponseEntity<Object> moveIn(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.OnDate request,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RecordMoveInCommand(tenancyId, request.on()));
    }

    @Creates("signalId")
    @Operation(summary = "Raise a signal about the tenancy; the caller's organisation is its source")
    @PostMapping("/{tenancyId}/signals")
    ResponseEntity<Object> raise(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.Signal request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.create(key, caller, java.util.List.of(tenancyId, request), "signalId",
                signalId -> new RaiseSignalCommand(tenancyId, signalId, request.kind(), caller.organisation(),
                        caller.organisationType(), request.severity(),
                        request.description(), request.raisedOn()));
    }

    @Operation(summary = "Acknowledge a signal")
    @PostMapping("/{tenancyId}/signals/{signalId}/acknowledgement")
    ResponseEntity<Object> acknowledge(@PathVariable String tenancyId, @PathVariable String signalId,
                                       @Valid @RequestBody TenancyRequests.OnDate request,
                                       @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                       @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new AcknowledgeSignalCommand(tenancyId, signalId, request.on()));
    }

    @Operation(summary = "Record that the signal was discussed with the client")
    @PostMapping("/{tenancyId}/signals/{signalId}/discussion")
    ResponseEntity<Object> discuss(@PathVariable String tenancyId, @PathVariable String signalId,
                                   @Valid @RequestBody TenancyRequests.Notes request,
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                   @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RecordSignalDiscussedCommand(tenancyId, signalId, request.on(),
                request.notes()));
    }

    @Operation(summary = "Escalate a signal to a three-party meeting or the Zorg- en Veiligheidshuis")
    @PostMapping("/{tenancyId}/signals/{signalId}/escalation")
    ResponseEntity<Object> escalate(@PathVariable String tenancyId, @PathVariable String signalId,
                                    @Valid @RequestBody TenancyRequests.Escalation request,
                                    @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                    @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new EscalateSignalCommand(tenancyId, signalId, request.target(), request.on(),
                request.grounds()));
    }

    @Operation(summary = "Resolve a signal")
    @PostMapping("/{tenancyId}/signals/{signalId}/resolution")
    ResponseEntity<Object> resolve(@PathVariable String tenancyId, @PathVariable String signalId,
                                   @Valid @RequestBody TenancyRequests.Notes request,
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                   @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new ResolveSignalCommand(tenancyId, signalId, request.on(), request.notes()));
    }

    @Operation(summary = "Plan the flip for a date within the agreed term")
    @PostMapping("/{tenancyId}/flip-schedule")
    ResponseEntity<Object> scheduleFlip(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.PlannedOn request,
                                        @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                        @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new ScheduleFlipCommand(tenancyId, request.on()));
    }

    @Operation(summary = "Approve the flip: the corporation and the care provider for themselves; the municipality's "
            + "coordination point records the client's own approval")
    @PostMapping("/{tenancyId}/flip-approvals")
    ResponseEntity<Object> approveFlip(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.OnDate request,
                                       @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                       @AuthenticationPrincipal Actor caller) {
        FlipParty party = switch (caller.organisationType()) {
            case HOUSING_CORPORATION -> FlipParty.HOUSING_CORPORATION;
            case CARE_PROVIDER -> FlipParty.CARE_PROVIDER;
            default -> FlipParty.CLIENT;
        };
        return dispatch.act(key, caller, new ApproveFlipCommand(tenancyId, party, request.on()));
    }

    @Operation(summary = "Decide, with written grounds, that open high-severity signals do not block the flip")
    @PostMapping("/{tenancyId}/signal-override")
    ResponseEntity<Object> override(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.WithGrounds request,
                                    @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                    @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new OverrideSignalBlockCommand(tenancyId, request.on(), request.grounds()));
    }

    @Operation(summary = "The omklap: the lease goes to the client's own name")
    @PostMapping("/{tenancyId}/flip")
    ResponseEntity<Object> flip(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.WithOptionalGrounds request,
                                @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new FlipContractCommand(tenancyId, request.on(), request.grounds()));
    }

    @Operation(summary = "The tenancy ends: moved, eviction, returned to care or deceased")
    @PostMapping("/{tenancyId}/end")
    ResponseEntity<Object> end(@PathVariable String tenancyId, @Valid @RequestBody TenancyRequests.End request,
                               @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                               @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new EndTenancyCommand(tenancyId, request.reason(), request.endedOn(),
                request.grounds()));
    }
}
