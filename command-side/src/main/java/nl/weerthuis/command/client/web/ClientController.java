package nl.weerthuis.command.client.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import nl.weerthuis.command.web.CommandDispatch;
import nl.weerthuis.command.web.Creates;
import nl.weerthuis.command.web.IdempotentRequests;
import nl.weerthuis.kernel.BusinessCalendar;
import nl.weerthuis.kernel.client.AssignCaseCoordinationCommand;
import nl.weerthuis.kernel.client.ErasePersonalDataCommand;
import nl.weerthuis.kernel.client.ErasureGround;
import nl.weerthuis.kernel.client.CloseTrajectoryCommand;
import nl.weerthuis.kernel.client.GiveConsentCommand;
import nl.weerthuis.kernel.client.RecordHousingWishesCommand;
import nl.weerthuis.kernel.client.RecordMonitoringReviewCommand;
import nl.weerthuis.kernel.client.RecordReturnToCareCommand;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import nl.weerthuis.kernel.client.RequestHousingCommand;
import nl.weerthuis.kernel.client.WithdrawHousingRequestCommand;
import nl.weerthuis.kernel.client.StartOutflowTrajectoryCommand;
import nl.weerthuis.kernel.client.UpdateArrangementChecklistCommand;
import nl.weerthuis.kernel.client.WithdrawConsentCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

    private final CommandDispatch dispatch;

    ClientController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Creates("clientId")
    @Operation(summary = "The central intake registers a client in BW or MO")
    @PostMapping
    ResponseEntity<Object> register(@Valid @RequestBody RegisterClientRequest request,
                                    @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                    @AuthenticationPrincipal Actor caller) {
        return dispatch.create(key, caller, request, "clientId", id -> new RegisterClientCommand(id, request.setting(),
                request.facility(), request.region(), request.municipality(), request.careProvider(),
                request.registeredOn(), request.details()));
    }

    @Operation(summary = "Right to erasure: delete the client's key, so their personal data is gone everywhere",
            description = "The anonymous decision trail (types, dates, organisations, rule versions) and the monitor "
                    + "figures remain; personal texts read as \"[erased]\" from then on. Repeating it changes nothing.")
    @DeleteMapping("/{clientId}/personal-data")
    ResponseEntity<Object> erase(@PathVariable String clientId, @RequestParam ErasureGround ground,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new ErasePersonalDataCommand(clientId, ground,
                LocalDate.now(BusinessCalendar.NETHERLANDS)));
    }

    @Operation(summary = "Start the outflow trajectory: the client becomes a potential outflower")
    @PostMapping("/{clientId}/outflow-trajectory")
    ResponseEntity<Object> startTrajectory(@PathVariable String clientId, @Valid @RequestBody ClientRequests.StartTrajectory request,
                                           @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                           @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new StartOutflowTrajectoryCommand(clientId, request.startedOn()));
    }

    @Operation(summary = "Record which arrangements (budget management, debt help, ...) are in place")
    @PostMapping("/{clientId}/arrangement-checklist")
    ResponseEntity<Object> checklist(@PathVariable String clientId, @Valid @RequestBody ClientRequests.UpdateChecklist request,
                                     @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                     @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller,
                new UpdateArrangementChecklistCommand(clientId, request.checklist(), request.updatedOn()));
    }

    @Operation(summary = "Record the client's housing wishes (zoekprofiel)")
    @PostMapping("/{clientId}/housing-wishes")
    ResponseEntity<Object> wishes(@PathVariable String clientId, @Valid @RequestBody ClientRequests.RecordWishes request,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RecordHousingWishesCommand(clientId, request.wishes(),
                request.accessibilityNeeds(), request.recordedOn()));
    }

    @Operation(summary = "Give procesregie (case coordination) for the client to an organisation, e.g. the wijkteam")
    @PostMapping("/{clientId}/case-coordination")
    ResponseEntity<Object> coordination(@PathVariable String clientId, @Valid @RequestBody ClientRequests.Coordination request,
                                        @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                        @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new AssignCaseCoordinationCommand(clientId, request.organisation(),
                request.organisationType(), request.assignedOn()));
    }

    @Operation(summary = "The coordination point asks a named corporation for a dwelling from its contingent",
            description = "Only a corporation asked may offer a dwelling, and only from then on is it involved with "
                    + "the client. The client's municipality or the holder of procesregie asks.")
    @PostMapping("/{clientId}/housing-requests")
    ResponseEntity<Object> requestHousing(@PathVariable String clientId,
                                          @Valid @RequestBody ClientRequests.HousingRequest request,
                                          @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                          @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RequestHousingCommand(clientId, request.corporation(), request.requestedOn()));
    }

    @Operation(summary = "The coordination point withdraws its request to a corporation")
    @PostMapping("/{clientId}/housing-request-withdrawals")
    ResponseEntity<Object> withdrawHousingRequest(@PathVariable String clientId,
                                                  @Valid @RequestBody ClientRequests.HousingRequestWithdrawal request,
                                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new WithdrawHousingRequestCommand(clientId, request.corporation(),
                request.withdrawnOn()));
    }

    @Operation(summary = "Record the client's consent to share with an organisation for a purpose")
    @PostMapping("/{clientId}/consents")
    ResponseEntity<Object> giveConsent(@PathVariable String clientId, @Valid @RequestBody ClientRequests.Consent request,
                                       @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                       @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new GiveConsentCommand(clientId, request.receivingOrganisation(),
                request.purpose(), request.on()));
    }

    @Operation(summary = "Record that the client withdrew a consent")
    @PostMapping("/{clientId}/consent-withdrawals")
    ResponseEntity<Object> withdrawConsent(@PathVariable String clientId, @Valid @RequestBody ClientRequests.Consent request,
                                           @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                           @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new WithdrawConsentCommand(clientId, request.receivingOrganisation(),
                request.purpose(), request.on()));
    }

    @Operation(summary = "Record a monitoring review after move-in")
    @PostMapping("/{clientId}/monitoring-reviews")
    ResponseEntity<Object> review(@PathVariable String clientId, @Valid @RequestBody ClientRequests.RecordReview request,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller,
                new RecordMonitoringReviewCommand(clientId, request.reviewedOn(), request.outcome()));
    }

    @Operation(summary = "The client returns to BW or MO (relapse); the journey closes across tenancy and care")
    @PostMapping("/{clientId}/return-to-care")
    ResponseEntity<Object> returnToCare(@PathVariable String clientId, @Valid @RequestBody ClientRequests.ReturnToCare request,
                                        @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                        @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RecordReturnToCareCommand(clientId, request.setting(),
                request.returnedOn(), request.grounds()));
    }

    @Operation(summary = "Close the open outflow trajectory")
    @PostMapping("/{clientId}/trajectory-closure")
    ResponseEntity<Object> close(@PathVariable String clientId, @Valid @RequestBody ClientRequests.CloseTrajectory request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new CloseTrajectoryCommand(clientId, request.reason(),
                request.closedOn(), request.grounds()));
    }
}
