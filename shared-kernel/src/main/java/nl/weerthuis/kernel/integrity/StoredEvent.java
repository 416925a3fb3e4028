package nl.weerthuis.kernel.integrity;

import nl.weerthuis.kernel.eventstore.EventHashChain;

import java.sql.ResultSet;
import java.sql.SQLException;

/** One row of the event store as stored: what its hash covers, and the hashes stored with it. */
public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
                          String eventIdentifier, String timestamp, String payloadType, String payloadRevision,
                          byte[] payload, byte[] metaData, String eventHash, String previousHash) {

    /** The columns {@link #from(ResultSet)} reads. */
    public static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, type, event_identifier, "
            + "time_stamp, payload_type, payload_revision, payload, meta_data, event_hash, previous_hash";

    public static StoredEvent from(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong("global_index"), row.getString("aggregate_identifier"),
                row.getLong("sequence_number"), row.getString("type"), row.getString("event_identifier"),
                row.getString("time_stamp"), row.getString("payload_type"), row.getString("payload_revision"),
                row.getBytes("payload"), row.getBytes("meta_data"), trim(row.getString("event_hash")),
                trim(row.getString("previous_hash")));
    }

    /** The hash this event must have when chained to {@code previous}, from its stored bytes alone. */
    public String hashAfter(String previous) {
        return EventHashChain.hash(previous, type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp,
                payloadType, payloadRevision, payload, metaData);
    }

    private static String trim(String hash) {
        return hash == null ? null : hash.trim();
    }
}
