package nl.weerthuis.query.eventsource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A read model that is derived from the event store alone commits without waiting for its write-ahead log to reach
 * disk. Its rows and its processor's token commit in one transaction, so a database crash can only lose a tail of
 * whole batches — rows and token together — and the processor handles those events again from the token that did
 * survive. What must never be lost stays synchronous: the event store, the partner feed (an outbox partners page
 * by), the processing log, a rebuild's swap.
 * <p>
 * Its batches also look rows up by key only ({@link KeyedTable#rowsOf}: the rows of a batch's clients, by primary
 * key). For a batch's thousand keys spread over the table the planner prices a sequential scan below the index (it
 * takes a random read for four sequential ones), but the scan grows with the table and the index does not: a rebuild
 * of 1 M events spent most of 447 s of PostgreSQL CPU scanning, a few milliseconds per batch by index. So sequential scans are off in these transactions (where a statement
 * has no index to use, PostgreSQL still scans).
 */
final class DerivedCommits {

    static final String STATEMENT = "SET LOCAL synchronous_commit TO off; SET LOCAL enable_seqscan TO off";

    private DerivedCommits() {
    }

    /** In the batch's transaction, before anything else. */
    static void relax(JdbcTemplate readStore) {
        readStore.execute(STATEMENT);
    }
}
