package nl.weerthuis.query.integrity;

import nl.weerthuis.kernel.eventstore.EventHashChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Verifies every aggregate's hash chain in the event store, streaming it in aggregate order, and names the first
 * event whose stored bytes no longer match its hash, whose link to its predecessor is broken, or whose predecessor
 * is missing.
 */
@Component
public class IntegrityCheck {

    private final JdbcTemplate events;

    IntegrityCheck(@Qualifier("eventStoreDataSource") DataSource eventStore) {
        this.events = new JdbcTemplate(eventStore);
        this.events.setFetchSize(1000);
    }

    public record Result(boolean intact, long eventsChecked, Broken firstBroken) {
    }

    public record Broken(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                         String payloadType, String reason) {
    }

    public Result verify() {
        Verifier verifier = new Verifier();
        events.query("""
                SELECT global_index, aggregate_identifier, sequence_number, type, event_identifier, time_stamp,
                       payload_type, payload_revision, payload, meta_data, event_hash, previous_hash
                FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number""", verifier);
        return new Result(verifier.broken == null, verifier.checked, verifier.broken);
    }

    private static final class Verifier implements RowCallbackHandler {
        private long checked;
        private Broken broken;
        private String aggregate;
        private long lastSequence;
        private String lastHash;

        @Override
        public void processRow(ResultSet row) throws SQLException {
            if (broken != null) {
                return;
            }
            checked++;
            String aggregateIdentifier = row.getString("aggregate_identifier");
            long sequence = row.getLong("sequence_number");
            if (!aggregateIdentifier.equals(aggregate)) {
                aggregate = aggregateIdentifier;
                lastSequence = -1;
                lastHash = EventHashChain.GENESIS;
            }
            String stored = row.getString("event_hash");
            String expected = EventHashChain.hash(lastHash, row.getString("type"), aggregateIdentifier, sequence,
                    row.getString("event_identifier"), row.getString("time_stamp"), row.getString("payload_type"),
                    row.getString("payload_revision"), row.getBytes("payload"), row.getBytes("meta_data"));
            if (sequence != lastSequence + 1) {
                fail(row, "event " + (lastSequence + 1) + " of this aggregate is missing");
            } else if (!Objects.equals(lastHash, trim(row.getString("previous_hash")))) {
                fail(row, "the link to the previous event of this aggregate does not match");
            } else if (!expected.equals(trim(stored))) {
                fail(row, stored == null ? "the event has no hash" : "the stored event does not match its hash");
            }
            lastSequence = sequence;
            lastHash = trim(stored);
        }

        private void fail(ResultSet row, String reason) throws SQLException {
            broken = new Broken(row.getLong("global_index"), row.getString("event_identifier"),
                    row.getString("aggregate_identifier"), row.getLong("sequence_number"), row.getString("payload_type"),
                    reason);
        }

        private static String trim(String hash) {
            return hash == null ? null : hash.trim();
        }
    }
}
