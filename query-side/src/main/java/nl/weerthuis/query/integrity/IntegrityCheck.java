package nl.weerthuis.query.integrity;

import nl.weerthuis.kernel.integrity.ChainHeads;
import nl.weerthuis.kernel.integrity.StoredEvents;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Verifies every aggregate's hash chain in the event store, streaming it in aggregate order, and names the first
 * event whose stored bytes no longer match its hash, whose link to its predecessor is broken, or whose predecessor
 * is missing. It compares the store with itself; against a rewrite that recomputed the chain only a signed
 * checkpoint helps ({@link Checkpoints}).
 */
@Component
public class IntegrityCheck {

    private final DataSource eventStore;

    IntegrityCheck(@Qualifier("eventStoreDataSource") DataSource eventStore) {
        this.eventStore = eventStore;
    }

    public record Result(boolean intact, long eventsChecked, ChainHeads.Broken firstBroken) {
    }

    public Result verify() {
        ChainHeads chains = new ChainHeads();
        try (Connection connection = eventStore.getConnection()) {
            StoredEvents.stream(connection, null, chains);
        } catch (SQLException e) {
            throw new IllegalStateException("the event store could not be read", e);
        }
        return new Result(chains.broken().isEmpty(), chains.checked(), chains.broken().orElse(null));
    }
}
