package nl.weerthuis.kernel.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends events like Axon's own statement does, and also writes each event's place in its aggregate's hash chain,
 * computed over exactly the bytes and strings it stores. The previous hash is the one {@link KnownHashes} already
 * holds for exactly that event (its aggregate and sequence number), else read on the appending connection. A stored
 * event never changes, so a hash known for its sequence number is the one a read would return; and should another
 * writer have appended in between, this append fails on the sequence number as it would have anyway.
 */
public class HashChainedAppend implements AppendEventsStatementBuilder {

    /** Stored hashes an appender already knows (the events its aggregate was just loaded from), so need not read. */
    @FunctionalInterface
    public interface KnownHashes {

        KnownHashes NONE = (aggregateIdentifier, sequenceNumber) -> null;

        /** The stored {@code event_hash} of that event, or null when not known here. */
        String hashOf(String aggregateIdentifier, long sequenceNumber);
    }

    private final KnownHashes known;

    public HashChainedAppend() {
        this(KnownHashes.NONE);
    }

    public HashChainedAppend(KnownHashes known) {
        this.known = known;
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + schema.eventIdentifierColumn() + ", " + schema.aggregateIdentifierColumn() + ", "
                + schema.sequenceNumberColumn() + ", " + schema.typeColumn() + ", " + schema.timestampColumn() + ", "
                + schema.payloadTypeColumn() + ", " + schema.payloadRevisionColumn() + ", " + schema.payloadColumn() + ", "
                + schema.metaDataColumn() + ", event_hash, previous_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        Map<String, String> lastHashInBatch = new HashMap<>();
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            String previous = lastHashInBatch.containsKey(event.getAggregateIdentifier())
                    ? lastHashInBatch.get(event.getAggregateIdentifier())
                    : previousHash(connection, schema, event.getAggregateIdentifier(), event.getSequenceNumber() - 1);
            String hash = EventHashChain.hash(previous, event.getType(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getIdentifier(), timestamp, payload.getType().getName(),
                    payload.getType().getRevision(), payload.getData(), metaData.getData());
            lastHashInBatch.put(event.getAggregateIdentifier(), hash);

            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamp);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setBytes(8, payload.getData());
            statement.setBytes(9, metaData.getData());
            statement.setString(10, hash);
            statement.setString(11, previous);
            statement.addBatch();
        }
        return statement;
    }

    private String previousHash(Connection connection, EventSchema schema, String aggregateIdentifier,
                                long sequenceNumber) throws SQLException {
        String hash = sequenceNumber < 0 ? null : known.hashOf(aggregateIdentifier, sequenceNumber);
        return hash != null ? hash : storedHash(connection, schema, aggregateIdentifier, sequenceNumber);
    }

    private static String storedHash(Connection connection, EventSchema schema, String aggregateIdentifier,
                                     long sequenceNumber) throws SQLException {
        if (sequenceNumber < 0) {
            return EventHashChain.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT event_hash FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?")) {
            query.setString(1, aggregateIdentifier);
            query.setLong(2, sequenceNumber);
            try (ResultSet row = query.executeQuery()) {
                // A missing predecessor cannot be chained to; the append then fails on the sequence anyway.
                return row.next() ? row.getString(1) : EventHashChain.GENESIS;
            }
        }
    }
}
