package nl.weerthuis.query.eventsource;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a read model while the system runs, without readers ever seeing partial figures. The live processor
 * keeps serving and updating the live tables; a next generation ({@link NextGeneration}) replays every event into
 * shadow tables of the same definitions. Once it has caught up with the head of the store, one transaction swaps the
 * shadow tables in under the live names (readers' SQL is unchanged), hands the next generation's tokens and parked
 * events to the live processing group, and retires the old tables. Readers see the old complete figures until that
 * commit and the new complete ones after it.
 * <p>
 * Several query-side instances: the next generation runs on the instance that was asked, alone. The swap first
 * raises the read model's generation ({@link GenerationFence}): that waits for every live batch in flight on any
 * instance, and every later batch of a processor that started in the old generation is refused and its processor
 * restarts from the token store. The swap hands every segment to this instance (owner, fresh claim), so another
 * instance's stale claim cannot store an old position either. No instance carries on from a position the new tables
 * never saw; the events between the new generation's position and the old live one are handled again (idempotently).
 * <p>
 * Read models without {@link EventSourceConfiguration#READ_MODEL_TABLES shadowable tables} (the partner feed) are
 * replayed in place, as before: their processor is reset, and their handlers only ever add what is missing.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate events;
    private final JdbcTemplate readStore;
    private final TransactionTemplate inTransaction;
    private final DataSource readStoreSource;
    private final org.axonframework.config.Configuration axon;
    private final NextGeneration.Parts parts;
    private final Serializer eventSerializer;
    private final Serializer serializer;
    private final EventSourceConfiguration.ProcessingNode node;
    private final GenerationFence fence;
    private final FairShare fairShare;
    private final String schema;
    private final Map<String, NextGeneration> generations = new ConcurrentHashMap<>();
    /** Longer than Axon's claim timeout (10 s): a next generation at work renews its claims well within it. */
    private static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofSeconds(30);

    ProjectionRebuilds(EventProcessingConfiguration processing, @Qualifier("eventStoreDataSource") DataSource eventStore,
                       @Qualifier("readStore") DataSource readStore, PlatformTransactionManager transactions,
                       org.axonframework.config.Configuration axon, EventStore eventSource, TokenStore tokens,
                       TransactionManager axonTransactions, @Qualifier("eventSerializer") Serializer eventSerializer,
                       Serializer serializer, EventSourceConfiguration.ProcessingNode node, GenerationFence fence,
                       ObjectProvider<RebuildGate> gate, SealedTextEvents sealedTextEvents,
                       @Value("${weerthuis.database.schema}") String schema,
                       @Value("${weerthuis.database.event-store-schema}") String eventStoreSchema,
                       @Value("${weerthuis.projections.rebuild-batch-size:1000}") int batchSize, FairShare fairShare) {
        this.fairShare = fairShare;
        this.processing = processing;
        this.events = new JdbcTemplate(eventStore);
        this.readStore = new JdbcTemplate(readStore);
        this.inTransaction = new TransactionTemplate(transactions);
        this.readStoreSource = readStore;
        this.axon = axon;
        this.eventSerializer = eventSerializer;
        this.serializer = serializer;
        this.node = node;
        this.fence = fence;
        this.schema = schema;
        // A next generation reads the store as its live processor does.
        this.parts = new NextGeneration.Parts(readModel -> SealedTextEvents.READ_MODELS.contains(readModel)
                ? sealedTextEvents : eventSource, tokens, axonTransactions, this.readStore,
                schema + ", " + eventStoreSchema, batchSize, gate.getIfAvailable(() -> RebuildGate.OPEN));
    }

    /**
     * {@code caughtUp}: every segment of the live processor has handled every event there is and no rebuild is under
     * way. {@code rebuilding}: a next generation is being built (on {@code nextGeneration.instance}); the live figures
     * stay complete meanwhile. A rebuild whose instance died is started over by another after 30 s.
     */
    public record Progress(String projection, boolean running, boolean replaying, boolean caughtUp, long position,
                           long head, int segments, double percent, boolean rebuilding, Generation nextGeneration) {
    }

    /** The next generation: {@code here} whether this instance builds it; position is its slowest segment's. */
    public record Generation(Instant startedAt, String instance, boolean here, boolean caughtUp, long position,
                             double percent) {
    }

    public Optional<Progress> rebuild(String projection) {
        return processor(projection).map(processor -> {
            List<String> tables = EventSourceConfiguration.READ_MODEL_TABLES.get(projection);
            if (tables == null) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            } else {
                startNextGeneration(projection, tables, processor);
            }
            return progressOf(projection, processor);
        });
    }

    public Optional<Progress> progress(String projection) {
        return processor(projection).map(processor -> progressOf(projection, processor));
    }

    /** Whether a new generation of the read model is on its way (on any instance): information, the figures stay whole. */
    public boolean rebuilding(String projection) {
        return Boolean.TRUE.equals(readStore.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM read_model_rebuild WHERE read_model = ?)", Boolean.class, projection));
    }

    /** Starting again while one runs here keeps that one; one left behind by a stopped instance starts over. */
    private synchronized void startNextGeneration(String projection, List<String> tables, StreamingEventProcessor live) {
        if (generations.containsKey(projection)) {
            return;
        }
        String shadow = NextGeneration.schema(schema, projection);
        String name = NextGeneration.processorName(projection);
        // One segment: a rebuild runs on this instance alone, and Axon's coordinator walks every segment's queue of up
        // to 1,024 events before each event it hands out (a profile of a rebuild: two thirds of its coordinator's
        // time, and the coordinator was the bottleneck); one segment's batches also reach the full batch size.
        int segments = 1;
        inTransaction.executeWithoutResult(status -> {
            readStore.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
            readStore.execute("CREATE SCHEMA " + shadow);
            for (String table : tables) {
                readStore.execute("CREATE TABLE " + shadow + "." + table + " (LIKE " + schema + "." + table
                        + " INCLUDING ALL)");
            }
            readStore.update("DELETE FROM query_token_entry WHERE processor_name = ?", name);
            readStore.update("DELETE FROM dead_letter_entry WHERE processinggroup = ?", name);
            readStore.update("""
                    INSERT INTO read_model_rebuild (read_model, started_at, started_by) VALUES (?, ?, ?)
                    ON CONFLICT (read_model) DO UPDATE SET started_at = EXCLUDED.started_at, started_by = EXCLUDED.started_by""",
                    projection, Timestamp.from(Instant.now()), node.id());
        });
        generations.put(projection, NextGeneration.start(projection, shadow, tables, segments,
                ((AbstractEventProcessor) live).eventHandlerInvoker(),
                EventSourceConfiguration.deadLetterQueue(name, axon, readStoreSource, eventSerializer, serializer), parts));
        LOG.info("Rebuilding read model {} into {}; the live tables keep serving until it has caught up", projection, shadow);
    }

    /** A next generation that has caught up replaces the live one. */
    @Scheduled(fixedDelayString = "${weerthuis.projections.rebuild-check-interval:PT0.5S}")
    void swapInCaughtUpGenerations() {
        takeOverAbandonedRebuilds();
        for (NextGeneration generation : List.copyOf(generations.values())) {
            if (generation.caughtUp()) {
                try {
                    swapIn(generation);
                } catch (RuntimeException e) {
                    LOG.error("Swapping in the new generation of {} failed; the live tables stay", generation.readModel, e);
                }
            }
        }
    }

    private synchronized void swapIn(NextGeneration generation) {
        String projection = generation.readModel;
        StreamingEventProcessor live = processor(projection).orElseThrow();
        generation.stop();
        // The new tables were filled from empty and have no statistics until autovacuum gets to them (a minute or
        // more; where it is off, never): the planner then takes one region's thousands of facts for a few dozen.
        // Measured before the swap's lock, so readers wait for none of it.
        for (String table : generation.tables) {
            readStore.execute("ANALYZE " + generation.schema + "." + table);
        }
        // This instance's live processor stops between batches; the others' are fenced off by the generation below.
        live.shutdownAsync().orTimeout(60, TimeUnit.SECONDS).join();
        try {
            long serving = inTransaction.execute(status -> {
                // First the generation: it waits for live batches in flight anywhere, and fences off later ones.
                long next = fence.advance(projection);
                // Then the tables: a live batch that has written to them commits (with its token) before this goes on.
                readStore.execute("LOCK TABLE " + String.join(", ", generation.tables.stream()
                        .map(t -> schema + "." + t).toList()) + " IN ACCESS EXCLUSIVE MODE");
                readStore.update("DELETE FROM query_token_entry WHERE processor_name = ?", projection);
                // Split into the live count as Axon splits a segment: each part starts from the whole's token, which
                // covers every client up to its position.
                readStore.update("""
                        INSERT INTO query_token_entry (processor_name, segment, token, token_type, owner, timestamp)
                        SELECT ?, part, token, token_type, ?, ? FROM query_token_entry, generate_series(0, ? - 1) part
                        WHERE processor_name = ? AND segment = 0""", projection, node.id(),
                        DateTimeUtils.formatInstant(Instant.now()), fairShare.initialSegments(), generation.processorName);
                readStore.update("DELETE FROM query_token_entry WHERE processor_name = ?", generation.processorName);
                // The old generation's parked events were replayed too: what still fails is parked in the new one.
                readStore.update("DELETE FROM dead_letter_entry WHERE processinggroup = ?", projection);
                readStore.update("UPDATE dead_letter_entry SET processinggroup = ? WHERE processinggroup = ?",
                        projection, generation.processorName);
                for (String table : generation.tables) {
                    readStore.execute("DROP TABLE " + schema + "." + table);
                    readStore.execute("ALTER TABLE " + generation.schema + "." + table + " SET SCHEMA " + schema);
                }
                readStore.execute("DROP SCHEMA " + generation.schema);
                readStore.update("DELETE FROM read_model_rebuild WHERE read_model = ?", projection);
                return next;
            });
            fence.serves(projection, serving);
            LOG.info("Read model {} rebuilt: the new generation serves", projection);
        } finally {
            generations.remove(projection);
            live.start();
        }
    }

    /**
     * A rebuild whose instance died (no claim on its next generation renewed within the claim timeout) is started
     * over here; one instance wins the row, so only one builds it.
     */
    private void takeOverAbandonedRebuilds() {
        Instant stale = Instant.now().minus(ABANDONED_AFTER);
        for (Map<String, Object> row : readStore.queryForList("SELECT read_model, started_at, started_by FROM read_model_rebuild")) {
            String projection = (String) row.get("read_model");
            List<String> tables = EventSourceConfiguration.READ_MODEL_TABLES.get(projection);
            if (tables == null || generations.containsKey(projection)
                    || ((Timestamp) row.get("started_at")).toInstant().isAfter(stale)) {
                continue;
            }
            boolean claimed = readStore.queryForList("SELECT timestamp FROM query_token_entry WHERE processor_name = ? "
                            + "AND owner IS NOT NULL", String.class, NextGeneration.processorName(projection)).stream()
                    .anyMatch(claim -> claim != null && DateTimeUtils.parseInstant(claim).isAfter(stale));
            if (!claimed && readStore.update("UPDATE read_model_rebuild SET started_by = ? WHERE read_model = ? "
                    + "AND started_by = ?", node.id(), projection, row.get("started_by")) == 1) {
                LOG.warn("The rebuild of {} by {} was abandoned; it starts over here", projection, row.get("started_by"));
                processor(projection).ifPresent(live -> startNextGeneration(projection, tables, live));
            }
        }
    }

    /** A generation this instance was building is abandoned when it stops: the live tables stay as they are. */
    @PreDestroy
    synchronized void abandonGenerations() {
        for (NextGeneration generation : List.copyOf(generations.values())) {
            try {
                generation.stop();
                inTransaction.executeWithoutResult(status -> {
                    readStore.execute("DROP SCHEMA IF EXISTS " + generation.schema + " CASCADE");
                    readStore.update("DELETE FROM query_token_entry WHERE processor_name = ?", generation.processorName);
                    readStore.update("DELETE FROM dead_letter_entry WHERE processinggroup = ?", generation.processorName);
                    readStore.update("DELETE FROM read_model_rebuild WHERE read_model = ?", generation.readModel);
                });
            } catch (RuntimeException e) {
                LOG.warn("Abandoning the rebuild of {} failed", generation.readModel, e);
            }
            generations.remove(generation.readModel);
        }
    }

    private Optional<StreamingEventProcessor> processor(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class);
    }

    private Progress progressOf(String projection, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        long head = head();
        boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean caughtUp = !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        long position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(0L);
        Generation next = nextGeneration(projection, head);
        // Caught up means the read model is done: a rebuild under way is done when its new generation serves.
        return new Progress(projection, processor.isRunning(), replaying, caughtUp && next == null, position, head,
                status.size(), percent(position, head), next != null, next);
    }

    private Generation nextGeneration(String projection, long head) {
        List<Map<String, Object>> rows = readStore.queryForList(
                "SELECT started_at, started_by FROM read_model_rebuild WHERE read_model = ?", projection);
        if (rows.isEmpty()) {
            return null;
        }
        Instant startedAt = ((Timestamp) rows.get(0).get("started_at")).toInstant();
        NextGeneration here = generations.get(projection);
        long position = here == null ? 0 : here.position();
        return new Generation(startedAt, (String) rows.get(0).get("started_by"), here != null,
                here != null && here.caughtUp(), position, percent(position, head));
    }

    private long head() {
        return Optional.ofNullable(events.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class))
                .orElse(0L);
    }

    private static double percent(long position, long head) {
        return head == 0 ? 100.0 : Math.min(100.0, Math.round(1000.0 * position / head) / 10.0);
    }
}
