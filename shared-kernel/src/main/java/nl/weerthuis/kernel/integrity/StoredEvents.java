package nl.weerthuis.kernel.integrity;

import nl.weerthuis.kernel.eventstore.EventStoreTables;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Streams the event store's rows in aggregate and sequence order over plain JDBC, a thousand rows at a time. */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** Every stored event, or (with {@code upToPosition}) those at that global position or below. */
    public static void stream(Connection connection, Long upToPosition, Consumer<StoredEvent> consumer) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        // PostgreSQL streams with a cursor only inside a transaction; otherwise it reads the whole store into memory.
        connection.setAutoCommit(false);
        try (PreparedStatement select = connection.prepareStatement("SELECT " + StoredEvent.COLUMNS + " FROM "
                + EventStoreTables.DOMAIN_EVENT_ENTRY + (upToPosition == null ? "" : " WHERE global_index <= ?")
                + " ORDER BY aggregate_identifier, sequence_number")) {
            select.setFetchSize(1000);
            if (upToPosition != null) {
                select.setLong(1, upToPosition);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(StoredEvent.from(rows));
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
