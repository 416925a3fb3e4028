package nl.weerthuis.query.history;

import nl.weerthuis.kernel.eventstore.EventStoreTables;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * The events of one client's aggregates as the aggregates themselves read them: through the application's event
 * serializer (which opens sealed personal data with the client's key, or reads it as erased) and its upcaster
 * chain (renamed classes, see {@code EventRenames}), so a payload is a typed event whatever shape or name it was
 * stored in. One query over the aggregate set (the unique index on aggregate and sequence), all of their events: who
 * may read a history is weighed on all of them, and the instant and the page are cut from that same read. A payload
 * is deserialised (and opened) only when asked for.
 */
@Component
class HistoryEvents {

    /** A typed event with where it stands in the store. */
    record Stored(long globalIndex, DomainEventMessage<?> message) {

        Object event() {
            return message.getPayload();
        }

        Instant recordedAt() {
            return message.getTimestamp();
        }
    }

    private final JdbcTemplate events;
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;

    HistoryEvents(@Qualifier("eventStoreDataSource") DataSource eventStore,
                  @Qualifier("eventSerializer") Serializer serializer, org.axonframework.config.Configuration axon) {
        this.events = new JdbcTemplate(eventStore);
        this.serializer = serializer;
        this.axon = axon;
    }

    List<Stored> of(List<String> aggregateIdentifiers) {
        if (aggregateIdentifiers.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp, "
                + "payload_type, payload_revision, payload, meta_data FROM " + EventStoreTables.DOMAIN_EVENT_ENTRY
                + " WHERE aggregate_identifier IN (" + String.join(",", Collections.nCopies(aggregateIdentifiers.size(), "?"))
                + ") ORDER BY global_index";
        List<TrackedDomainEventData<byte[]>> rows = events.query(sql, (row, n) -> new TrackedDomainEventData<>(
                new GlobalSequenceTrackingToken(row.getLong("global_index")),
                new GenericDomainEventEntry<>(row.getString("type"), row.getString("aggregate_identifier"),
                        row.getLong("sequence_number"), row.getString("event_identifier"), row.getString("time_stamp"),
                        row.getString("payload_type"), row.getString("payload_revision"), row.getBytes("payload"),
                        row.getBytes("meta_data"))), aggregateIdentifiers.toArray());
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, axon.upcasterChain())
                .map(HistoryEvents::stored).toList();
    }

    private static Stored stored(TrackedEventMessage<?> message) {
        return new Stored(((GlobalSequenceTrackingToken) message.trackingToken()).getGlobalIndex(),
                (DomainEventMessage<?>) message);
    }
}
