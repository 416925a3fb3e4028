package nl.weerthuis.query.partner.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.headers.Header;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.weerthuis.query.partner.PartnerSettings;
import nl.weerthuis.query.partner.CallbackAddresses;
import nl.weerthuis.query.partner.Subscriptions;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final PartnerSettings settings;

    SubscriptionController(Subscriptions subscriptions, PartnerSettings settings) {
        this.subscriptions = subscriptions;
        this.settings = settings;
    }

    record SubscribeRequest(
            @NotBlank @Size(max = 2000) String callbackUrl,
            @NotEmpty @Size(max = 20) List<@Pattern(regexp = "nl\\.weerthuis(\\.[a-z-]+)*\\.?",
                    message = "must be a type or type prefix like nl.weerthuis.huurovereenkomsten.") String> eventTypes,
            @Size(max = 2000) String authorization) {
    }

    @ApiResponse(responseCode = "201", description = "Verified and active", headers = @Header(name = "Location", ref = "#/components/headers/Location"),
            content = @Content(schema = @Schema(implementation = Subscriptions.Subscription.class)))
    @ApiResponse(responseCode = "422", description = "The callback did not pass verification; nothing is stored")
    @Operation(summary = "Subscribe a callback to event types (prefixes) of your organisation's feed",
            description = "The callback is verified first: the CloudEvents webhook validation handshake (OPTIONS with "
                    + "WebHook-Request-Origin), or else a test notification of type nl.weerthuis.abonnementen.verification "
                    + "that must be answered 2xx. Only then is the subscription active (201); otherwise 422 and nothing "
                    + "is stored. The authorization value is sent back with every notification.")
    @PostMapping
    ResponseEntity<Object> subscribe(@Valid @RequestBody SubscribeRequest request, @AuthenticationPrincipal Actor caller) {
        URI callback;
        try {
            callback = URI.create(request.callbackUrl().trim());
        } catch (IllegalArgumentException e) {
            return Problems.invalid("Invalid callback", "callbackUrl is not a URL", "callbackUrl", "not a URL");
        }
        var refused = CallbackAddresses.refusal(callback, settings.allowLoopbackCallbacks());
        if (refused.isPresent()) {
            return Problems.invalid("Invalid callback", "callbackUrl " + refused.get(), "callbackUrl", refused.get());
        }
        try {
            Subscriptions.Subscription created = subscriptions.subscribe(caller.organisation(),
                    caller.organisationType().name(), callback, request.eventTypes(), request.authorization());
            return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.subscriptionId())).body(created);
        } catch (Subscriptions.CallbackNotVerified e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
            problem.setTitle("Callback not verified");
            return ResponseEntity.unprocessableEntity().body(problem);
        }
    }

    @Operation(summary = "Your organisation's subscriptions")
    @GetMapping
    List<Subscriptions.Subscription> list(@AuthenticationPrincipal Actor caller) {
        return subscriptions.of(caller.organisation());
    }

    @ApiResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = Subscriptions.Subscription.class)))
    @Operation(summary = "One of your organisation's subscriptions")
    @GetMapping("/{subscriptionId}")
    ResponseEntity<Object> one(@PathVariable String subscriptionId, @AuthenticationPrincipal Actor caller) {
        return subscriptions.find(caller.organisation(), subscriptionId)
                .<ResponseEntity<Object>>map(ResponseEntity::ok)
                .orElseGet(() -> Problems.notFound("No such subscription"));
    }

    @ApiResponse(responseCode = "204", description = "Ended")
    @Operation(summary = "End a subscription; undelivered notifications stay in the feed (GET /api/v1/events)")
    @DeleteMapping("/{subscriptionId}")
    ResponseEntity<Object> end(@PathVariable String subscriptionId, @AuthenticationPrincipal Actor caller) {
        String organisation = caller.organisation();
        if (subscriptions.find(organisation, subscriptionId).isEmpty()) {
            return Problems.notFound("No such subscription");
        }
        subscriptions.end(organisation, subscriptionId, "ended by the subscriber");
        return ResponseEntity.noContent().build();
    }
}
