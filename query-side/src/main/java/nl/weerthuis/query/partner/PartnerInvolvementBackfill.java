package nl.weerthuis.query.partner;

import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.involvement.InvolvementRules;
import nl.weerthuis.kernel.privacy.DataSubjects;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partner feed is never replayed (it is a log of disclosures), so an installation upgraded from before migration
 * V21 would have no recipients for its existing clients. At startup, when nobody is known to be involved but the feed
 * has events, who is involved is rebuilt once from the event store with the kernel's rules; nothing is published.
 * Running beside the live feed is safe: a grant already recorded is not recorded twice, and every end is replayed in
 * order after its grant.
 */
@Component
class PartnerInvolvementBackfill implements ApplicationRunner {

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final PartnerFeed feed;
    private final TransactionTemplate transaction;

    PartnerInvolvementBackfill(JdbcTemplate jdbc, @Qualifier("eventBus") EventStore events, PartnerFeed feed,
                               TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.events = events;
        this.feed = feed;
        this.transaction = transaction;
    }

    /**
     * Decided and done under a lock held until its transaction ends, as the command side's involvement backfill is:
     * two query-side instances starting together after an upgrade would otherwise both find the table empty and both
     * rebuild it.
     */
    @Override
    public void run(ApplicationArguments arguments) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('weerthuis.partner-involvement-backfill'))");
            Integer known = jdbc.queryForObject("SELECT count(*) FROM partner_involvement", Integer.class);
            Integer published = jdbc.queryForObject("SELECT count(*) FROM partner_event", Integer.class);
            if (known != null && known == 0 && published != null && published > 0) {
                backfill();
            }
        });
    }

    void backfill() {
        transaction.executeWithoutResult(status -> {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    Object event = message.getPayload();
                    if (InvolvementRules.EVENTS.contains(event.getClass())) {
                        feed.involvement(DataSubjects.of(event), InvolvementRules.changesOf(event,
                                (String) message.getMetaData().get(MetadataKeys.ACTOR_ORGANISATION)), message.getTimestamp());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rebuilding partner involvement", e);
            }
        });
    }
}
