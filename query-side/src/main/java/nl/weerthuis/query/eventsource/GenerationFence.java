package nl.weerthuis.query.eventsource;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps a live processor from carrying on across a rebuild's swap with what it holds in memory. Each of its
 * transactions starts by reading the read model's generation FOR SHARE: the swap's raise of it waits for every batch
 * in flight (on any instance) to commit, and a batch that begins afterwards sees a number other than the one its
 * processor started with. That batch is refused before it writes anything, and the processor restarts, reading its
 * positions again from the token store: the new generation's. Without it, a processor on another instance would go
 * on from its own position in memory, and the events between the new generation's position and that one would be
 * missing from the new tables.
 */
public final class GenerationFence {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationFence.class);

    private final JdbcTemplate readStore;
    private final Map<String, Long> serving = new ConcurrentHashMap<>();
    private final Set<String> restarting = ConcurrentHashMap.newKeySet();

    GenerationFence(JdbcTemplate readStore) {
        this.readStore = readStore;
    }

    TransactionManager around(String readModel, TransactionManager transactions,
                              Supplier<StreamingEventProcessor> processor) {
        return () -> {
            Transaction transaction = transactions.startTransaction();
            long current;
            try {
                DerivedCommits.relax(readStore);
                current = current(readModel, "FOR SHARE");
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            long known = serving.computeIfAbsent(readModel, model -> current);
            if (known != current) {
                transaction.rollback();
                restart(readModel, current, processor);
                throw new IllegalStateException("Read model " + readModel + " moved to generation " + current
                        + " while this processor worked on " + known + "; it restarts from the new tokens");
            }
            return transaction;
        };
    }

    /** In the swap's transaction, first of all: waits for the live batches in flight, then fences off the rest. */
    long advance(String readModel) {
        current(readModel, "FOR UPDATE");
        return readStore.queryForObject("UPDATE read_model_generation SET generation = generation + 1 "
                + "WHERE read_model = ? RETURNING generation", Long.class, readModel);
    }

    /** This instance's processor is restarted by the swap itself, from the new tokens. */
    void serves(String readModel, long generation) {
        serving.put(readModel, generation);
    }

    /** A read model added to the rebuildable ones later starts in generation 1. */
    private long current(String readModel, String lock) {
        String select = "SELECT generation FROM read_model_generation WHERE read_model = ? " + lock;
        List<Long> generation = readStore.queryForList(select, Long.class, readModel);
        if (generation.isEmpty()) {
            readStore.update("INSERT INTO read_model_generation (read_model, generation) VALUES (?, 1) "
                    + "ON CONFLICT (read_model) DO NOTHING", readModel);
            generation = readStore.queryForList(select, Long.class, readModel);
        }
        return generation.get(0);
    }

    private void restart(String readModel, long generation, Supplier<StreamingEventProcessor> processor) {
        if (!restarting.add(readModel)) {
            return;
        }
        Thread restart = new Thread(() -> {
            try {
                StreamingEventProcessor live = processor.get();
                live.shutDown();
                serves(readModel, generation);
                live.start();
                LOG.info("Read model {} serves generation {}: its processor restarted from the new tokens",
                        readModel, generation);
            } finally {
                restarting.remove(readModel);
            }
        }, "generation-fence-" + readModel);
        restart.setDaemon(true);
        restart.start();
    }
}
