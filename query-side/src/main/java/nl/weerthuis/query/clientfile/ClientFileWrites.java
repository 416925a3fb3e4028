package nl.weerthuis.query.clientfile;

import nl.weerthuis.query.eventsource.SequencedStatements;
import nl.weerthuis.query.eventsource.UnitOfWorkBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the client file's handlers write, per client: gathered over a batch and sent at its commit, a few JDBC
 * batches for the whole batch ({@link SequencedStatements}); a write that fails is done again event by event, so
 * that only the event at fault is parked ({@link UnitOfWorkBatch}).
 */
@Component
class ClientFileWrites {

    private final UnitOfWorkBatch<SequencedStatements> batch;

    ClientFileWrites(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.batch = new UnitOfWorkBatch<>("client-file", SequencedStatements::new, statements -> statements.write(jdbc),
                transactions);
    }

    /** One statement of the client's, run after the client's earlier ones. */
    void add(String clientId, String sql, Object... parameters) {
        batch.add(statements -> statements.add(clientId, sql, parameters));
    }

    /** The statements of one event, which are written together or (when written alone) not at all. */
    void add(java.util.function.Consumer<SequencedStatements> statements) {
        batch.add(statements);
    }
}
