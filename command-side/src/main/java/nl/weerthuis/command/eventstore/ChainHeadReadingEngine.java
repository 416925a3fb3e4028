package nl.weerthuis.command.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Axon's JDBC engine, whose read of an aggregate's events also reads each event's stored hash, so the append after
 * the command chains to the hash its aggregate was loaded with ({@link LoadedChainHeads}).
 */
class ChainHeadReadingEngine extends JdbcEventStorageEngine {

    private final EventSchema schema;
    private final LoadedChainHeads heads;

    ChainHeadReadingEngine(Builder builder, EventSchema schema, LoadedChainHeads heads) {
        super(builder);
        this.schema = schema;
        this.heads = heads;
    }

    @Override
    protected PreparedStatement readEventData(Connection connection, String aggregateIdentifier,
                                              long firstSequenceNumber, int batchSize) throws SQLException {
        // Axon's own statement, with the hash column added.
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields()
                + ", event_hash FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn()
                + " = ? AND " + schema.sequenceNumberColumn() + " >= ? AND " + schema.sequenceNumberColumn()
                + " < ? ORDER BY " + schema.sequenceNumberColumn() + " ASC");
        statement.setString(1, aggregateIdentifier);
        statement.setLong(2, firstSequenceNumber);
        statement.setLong(3, firstSequenceNumber + batchSize);
        return statement;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        DomainEventData<?> event = super.getDomainEventData(resultSet);
        heads.loaded(event.getAggregateIdentifier(), event.getSequenceNumber(), resultSet.getString("event_hash"));
        return event;
    }
}
