package nl.weerthuis.command.lookup;

import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.involvement.InvolvementRules;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An installation whose clients were registered before involvement was kept by basis (migration V110) starts with
 * an empty involvement table, which would hide every existing client from everyone. At startup it is rebuilt once from
 * the event store with the same rules ({@link InvolvementRules}), with the registering municipality of each client.
 */
@Component
class InvolvementBackfill implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final Involvement involvement;
    private final TransactionTemplate transaction;

    InvolvementBackfill(JdbcTemplate jdbc, EventStore events, Involvement involvement, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.events = events;
        this.involvement = involvement;
        this.transaction = transaction;
    }

    /**
     * Decided and done under a lock held until its transaction ends: two command-side instances starting together
     * after an upgrade would otherwise both find the table empty and both rebuild it.
     */
    @Override
    public void run(ApplicationArguments arguments) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('weerthuis.involvement-backfill'))");
            Integer kept = jdbc.queryForObject("SELECT count(*) FROM lookup_client_involvement", Integer.class);
            Integer clients = jdbc.queryForObject("SELECT count(*) FROM lookup_client", Integer.class);
            if (kept != null && kept == 0 && clients != null && clients > 0) {
                backfill();
            }
        });
    }

    /** Replays every stored event through the involvement rules; only when nothing is kept yet. */
    void backfill() {
        transaction.executeWithoutResult(status -> {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    Object event = message.getPayload();
                    if (InvolvementRules.EVENTS.contains(event.getClass())) {
                        involvement.record(event, message);
                    }
                    if (event instanceof ClientRegisteredEvent registered) {
                        jdbc.update("UPDATE lookup_client SET registered_by = ? WHERE client_id = ? AND registered_by IS NULL",
                                message.getMetaData().get(MetadataKeys.ACTOR_ORGANISATION), registered.clientId());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rebuilding involvement", e);
            }
        });
    }
}
