package nl.weerthuis.command.client.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import nl.weerthuis.command.web.ActorMetadata;
import nl.weerthuis.command.web.IdempotentRequests;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

    private final CommandGateway commands;
    private final IdempotentRequests idempotentRequests;

    ClientController(CommandGateway commands, IdempotentRequests idempotentRequests) {
        this.commands = commands;
        this.idempotentRequests = idempotentRequests;
    }

    @Operation(summary = "The central intake registers a client in BW or MO")
    @PostMapping
    ResponseEntity<Object> register(@Valid @RequestBody RegisterClientRequest request,
                                    @RequestHeader(name = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                    @AuthenticationPrincipal Jwt token) {
        return idempotentRequests.once(idempotencyKey, token, request, () -> {
            String clientId = UUID.randomUUID().toString();
            var command = new RegisterClientCommand(clientId, request.setting(), request.facility(), request.region(),
                    request.municipality(), request.careProvider(), request.registeredOn());
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetadata.of(token)));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("clientId", clientId));
        });
    }
}
