package nl.weerthuis.command.careindication.web;

import io.swagger.v3.oas.annotations.Operation;
import nl.weerthuis.kernel.input.FreeText;
import nl.weerthuis.kernel.input.Planned;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import nl.weerthuis.command.web.CommandDispatch;
import nl.weerthuis.command.web.Creates;
import nl.weerthuis.command.web.IdempotentRequests;
import nl.weerthuis.kernel.careindication.*;
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
@RequestMapping("/api/v1/care-indications")
class CareIndicationController {

    record Grant(@NotBlank @Size(max = 36) String clientId, @NotNull IndicationType type,
                 @Positive @DecimalMax("168") double hoursPerWeek,
                 @NotNull @Pattern(regexp = "\\d{8}|\\d{20}", message = "must be a KvK number or an OIN") String provider,
                 @NotBlank @Size(max = 100) String region, @NotNull @Planned LocalDate validFrom, @NotNull @Planned LocalDate validUntil) {
    }

    record Scale(@Positive @DecimalMax("168") double hoursPerWeek, @NotNull LocalDate scaledOn,
                 @NotBlank @FreeText @Size(max = 4000) String grounds) {
    }

    record Extend(@NotNull @Planned LocalDate validUntil, @FreeText @Size(max = 4000) String grounds) {
    }

    record End(@NotNull IndicationEndReason reason, @NotNull LocalDate endedOn, @FreeText @Size(max = 4000) String grounds,
               @FreeText @Size(max = 4000) String waakvlamDeclinedGrounds) {
    }

    record Contact(@NotNull LocalDate contactOn, @FreeText @Size(max = 4000) String notes) {
    }

    record EndWaakvlam(@NotNull WaakvlamEndReason reason, @NotNull LocalDate endedOn, @FreeText @Size(max = 4000) String grounds) {
    }

    private final CommandDispatch dispatch;

    CareIndicationController(CommandDispatch dispatch) {
        this.dispatch = dispatch;
    }

    @Creates("indicationId")
    @Operation(summary = "The municipality grants a care indication")
    @PostMapping
    ResponseEntity<Object> grant(@Valid @RequestBody Grant request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.create(key, caller, request, "indicationId", id -> new GrantIndicationCommand(id,
                request.clientId(), request.type(), request.hoursPerWeek(), request.provider(), request.region(),
                request.validFrom(), request.validUntil()));
    }

    @Operation(summary = "Scale care up or down")
    @PostMapping("/{indicationId}/scaling")
    ResponseEntity<Object> scale(@PathVariable String indicationId, @Valid @RequestBody Scale request,
                                 @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                 @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new ScaleIndicationCommand(indicationId, request.hoursPerWeek(),
                request.scaledOn(), request.grounds()));
    }

    @Operation(summary = "Extend the indication")
    @PostMapping("/{indicationId}/extension")
    ResponseEntity<Object> extend(@PathVariable String indicationId, @Valid @RequestBody Extend request,
                                  @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                  @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new ExtendIndicationCommand(indicationId, request.validUntil(), request.grounds()));
    }

    @Operation(summary = "End the indication; ending because the client can live independently starts a waakvlam "
            + "unless declined with grounds")
    @PostMapping("/{indicationId}/end")
    ResponseEntity<Object> end(@PathVariable String indicationId, @Valid @RequestBody End request,
                               @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                               @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new EndIndicationCommand(indicationId, request.reason(), request.endedOn(),
                request.grounds(), request.waakvlamDeclinedGrounds()));
    }

    @Operation(summary = "Record a waakvlam contact")
    @PostMapping("/{indicationId}/waakvlam-contacts")
    ResponseEntity<Object> contact(@PathVariable String indicationId, @Valid @RequestBody Contact request,
                                   @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                   @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new RecordWaakvlamContactCommand(indicationId, request.contactOn(),
                request.notes()));
    }

    @Operation(summary = "End the waakvlam before its agreed end")
    @PostMapping("/{indicationId}/waakvlam-end")
    ResponseEntity<Object> endWaakvlam(@PathVariable String indicationId, @Valid @RequestBody EndWaakvlam request,
                                       @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
                                       @AuthenticationPrincipal Actor caller) {
        return dispatch.act(key, caller, new EndWaakvlamCommand(indicationId, request.reason(), request.endedOn(),
                request.grounds()));
    }
}
