package nl.weerthuis.command.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * How every web adapter hands a command to the aggregates: with the caller as metadata, synchronously (so the
 * caller learns of a rule violation), and at most once per {@code Idempotency-Key}.
 */
@Component
public class CommandDispatch {

    private final CommandGateway commands;
    private final IdempotentRequests idempotentRequests;

    CommandDispatch(CommandGateway commands, IdempotentRequests idempotentRequests) {
        this.commands = commands;
        this.idempotentRequests = idempotentRequests;
    }

    /**
     * Creates something new under a fresh id: 201 with {@code {idName: id}}. {@code request} is what an
     * idempotency key binds to, so it includes the ids of the path.
     */
    public ResponseEntity<Object> create(String idempotencyKey, Jwt caller, Object request, String idName,
                                         Function<String, Object> commandForId) {
        return idempotentRequests.once(idempotencyKey, caller, request, () -> {
            String id = UUID.randomUUID().toString();
            send(caller, commandForId.apply(id));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(idName, id));
        });
    }

    /** An action on an existing aggregate: 204 once it is recorded. The command (ids included) is what a key binds. */
    public ResponseEntity<Object> act(String idempotencyKey, Jwt caller, Object command) {
        return idempotentRequests.once(idempotencyKey, caller, command, () -> {
            send(caller, command);
            return ResponseEntity.noContent().build();
        });
    }

    private void send(Jwt caller, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetadata.of(caller)));
    }
}
