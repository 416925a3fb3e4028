package nl.weerthuis.command.web;

import nl.weerthuis.command.lookup.Involvement;
import nl.weerthuis.kernel.identity.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every web adapter hands a command to the aggregates: with the caller as metadata, synchronously (so the
 * caller learns of a rule violation), and at most once per {@code Idempotency-Key}. Whether the caller's organisation
 * may act for the client at all is decided on the command bus, for every command ({@code lookup.OnlyTheInvolved}).
 * Every answer carries the version the request's own events brought the aggregate to ({@link AppendedVersions}).
 */
@Component
public class CommandDispatch {

    static final int ATTEMPTS = 5;

    private final CommandGateway commands;
    private final IdempotentRequests idempotentRequests;
    private final CommandTargetResolver targetResolver;
    private final JdbcTemplate jdbc;
    private final Involvement involvement;

    CommandDispatch(CommandGateway commands, IdempotentRequests idempotentRequests,
                    CommandTargetResolver targetResolver, JdbcTemplate jdbc, Involvement involvement) {
        this.commands = commands;
        this.idempotentRequests = idempotentRequests;
        this.targetResolver = targetResolver;
        this.jdbc = jdbc;
        this.involvement = involvement;
    }

    /**
     * Creates something new under a fresh id: 201 with {@code {idName: id}}, its {@code Location} and the {@code ETag}
     * of the version it appended. {@code request} is what an idempotency key binds to, so it includes the ids of
     * the path.
     */
    public ResponseEntity<Object> create(String idempotencyKey, Actor caller, Object request, String idName,
                                         Function<String, Object> commandForId) {
        return create(idempotencyKey, caller, request, idName, () -> UUID.randomUUID().toString(), commandForId);
    }

    /**
     * Creates something under the id it already has outside (an organisation's OIN or KvK number), answered as
     * {@link #create(String, Actor, Object, String, Function)}.
     */
    public ResponseEntity<Object> createAt(String idempotencyKey, Actor caller, Object request, String idName, String id,
                                           Function<String, Object> commandForId) {
        return create(idempotencyKey, caller, request, idName, () -> id, commandForId);
    }

    private ResponseEntity<Object> create(String idempotencyKey, Actor caller, Object request, String idName,
                                          java.util.function.Supplier<String> newId, Function<String, Object> commandForId) {
        String location = currentRequestUri();
        return decidedOnTheStoredVersion(() -> idempotentRequests.once(idempotencyKey, caller, request, () -> {
            String id = newId.get();
            Object command = commandForId.apply(id);
            var outcome = AppendedVersions.recording(() -> send(caller, command));
            return ResponseEntity.created(URI.create(location + "/" + id))
                    .eTag(etag(outcome.versions().get(aggregateOf(command))))
                    .body(Map.of(idName, id));
        }));
    }

    /**
     * An action on an existing aggregate: 204 once it is recorded, with the version its own events brought the
     * aggregate to as ETag (unchanged when it appended nothing). The command (ids included) is what a key binds; an
     * {@code If-Match} version must still be current.
     */
    public ResponseEntity<Object> act(String idempotencyKey, Actor caller, Object command) {
        String aggregate = aggregateOf(command);
        Long expectedVersion = ExpectedVersion.fromIfMatch(currentHeader("If-Match"));
        return decidedOnTheStoredVersion(() -> idempotentRequests.once(idempotencyKey, caller, command, () -> {
            MetaData metaData = ActorMetadata.of(caller);
            if (expectedVersion != null) {
                metaData = metaData.and(ExpectedVersion.METADATA_KEY, expectedVersion);
            }
            MetaData withVersion = metaData;
            var outcome = AppendedVersions.recording(() -> commands.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(withVersion)));
            Long appended = outcome.versions().get(aggregate);
            return ResponseEntity.noContent().eTag(etag(appended != null ? appended : currentVersion(aggregate))).build();
        }));
    }

    /**
     * With more than one command-side instance, the in-process aggregate lock no longer orders every command on an
     * aggregate: two may load the same version and one loses the race to append ({@link LostRace}). Its transaction
     * rolled back whole (events, lookups, idempotency record), so the request is decided again on what is stored
     * now: without {@code If-Match} it applies to the latest version, as on one instance; with a stale one it answers
     * the usual 409 naming the changes since. A request still losing after {@value #ATTEMPTS} attempts answers 409.
     */
    private ResponseEntity<Object> decidedOnTheStoredVersion(Supplier<ResponseEntity<Object>> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (RuntimeException failure) {
                if (attempt >= ATTEMPTS || !LostRace.causes(failure)) {
                    throw failure;
                }
            }
        }
    }

    /**
     * The current version of an aggregate the caller's organisation may see (as for commands: involved with the
     * client it is about), or empty: to anyone else it does not exist.
     */
    public Optional<Long> currentVersionFor(Actor caller, String aggregate) {
        Optional<String> client = involvement.clientOf(aggregate);
        if (client.isPresent() && !involvement.of(client.get()).involves(caller.organisation())) {
            return Optional.empty();
        }
        return Optional.ofNullable(currentVersion(aggregate));
    }

    static String etag(Long version) {
        return "\"" + version + "\"";
    }

    private String aggregateOf(Object command) {
        return String.valueOf(targetResolver.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier());
    }

    private Object send(Actor caller, Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ActorMetadata.of(caller)));
    }

    /** Only where nothing was appended (a repeat that changed nothing): the version is then the one already there. */
    private Long currentVersion(String aggregateId) {
        return jdbc.queryForObject(
                "SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregateId);
    }

    private static String currentRequestUri() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRequestURI() : "";
    }

    private static String currentHeader(String name) {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getHeader(name) : null;
    }
}
