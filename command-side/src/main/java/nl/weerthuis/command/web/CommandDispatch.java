package nl.weerthuis.command.web;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * How every web adapter hands a command to the aggregates: with the caller as metadata, synchronously (so the
 * caller learns of a rule violation), and at most once per {@code Idempotency-Key}. Whether the caller's organisation
 * may act for the client at all is decided on the command bus, for every command ({@code lookup.OnlyTheInvolved}).
 */
@Component
public class CommandDispatch {

    private final CommandGateway commands;
    private final IdempotentRequests idempotentRequests;
    private final CommandTargetResolver targetResolver;
    private final JdbcTemplate jdbc;

    CommandDispatch(CommandGateway commands, IdempotentRequests idempotentRequests,
                    CommandTargetResolver targetResolver, JdbcTemplate jdbc) {
        this.commands = commands;
        this.idempotentRequests = idempotentRequests;
        this.targetResolver = targetResolver;
        this.jdbc = jdbc;
    }

    /**
     * Creates something new under a fresh id: 201 with {@code {idName: id}}. {@code request} is what an
     * idempotency key binds to, so it includes the ids of the path.
     */
    public ResponseEntity<Object> create(String idempotencyKey, Actor caller, Object request, String idName,
                                         Function<String, Object> commandForId) {
        return idempotentRequests.once(idempotencyKey, caller, request, () -> {
            String id = UUID.randomUUID().toString();
            send(caller, commandForId.apply(id));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(idName, id));
        });
    }

    /**
     * An action on an existing aggregate: 204 once it is recorded, with the aggregate's new version as ETag. The
     * command (ids included) is what a key binds; an {@code If-Match} version must still be current.
     */
    public ResponseEntity<Object> act(String idempotencyKey, Actor caller, Object command) {
        String aggregate = String.valueOf(targetResolver.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier());
        Long expectedVersion = ExpectedVersion.fromIfMatch(currentHeader("If-Match"));
        return idempotentRequests.once(idempotencyKey, caller, command, () -> {
            MetaData metaData = ActorMetadata.of(caller);
            if (expectedVersion != null) {
                metaData = metaData.and(ExpectedVersion.METADATA_KEY, expectedVersion);
            }
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
            return ResponseEntity.noContent().eTag(versionOf(aggregate)).build();
        });
    }

    private void send(Actor caller, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetadata.of(caller)));
    }

    private String versionOf(String aggregateId) {
        Long version = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregateId);
        return "\"" + version + "\"";
    }

    private static String currentHeader(String name) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getHeader(name) : null;
    }
}
