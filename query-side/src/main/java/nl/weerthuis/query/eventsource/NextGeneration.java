package nl.weerthuis.query.eventsource;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The next generation of one read model, being built from the first event on: a processor of its own (its own
 * tokens and parked events, under {@link #processorName}) runs the read model's very event handlers, but every
 * transaction it opens puts the shadow schema first on the search path, so the handlers' unqualified SQL writes the
 * shadow tables (same definitions as the live ones) and the live tables are never touched by it.
 */
final class NextGeneration {

    final String readModel;
    final String processorName;
    final String schema;
    final List<String> tables;
    final int segments;
    private final PooledStreamingEventProcessor processor;
    private final ScheduledExecutorService coordinator;
    private final ScheduledExecutorService workers;

    private NextGeneration(String readModel, String schema, List<String> tables, int segments,
                           PooledStreamingEventProcessor processor, ScheduledExecutorService coordinator,
                           ScheduledExecutorService workers) {
        this.readModel = readModel;
        this.processorName = processorName(readModel);
        this.schema = schema;
        this.tables = tables;
        this.segments = segments;
        this.processor = processor;
        this.coordinator = coordinator;
        this.workers = workers;
    }

    static String processorName(String readModel) {
        return readModel + "@next";
    }

    static String schema(String readStoreSchema, String readModel) {
        return readStoreSchema + "_next_" + readModel.replace('-', '_');
    }

    /** What a generation needs from the running application. */
    record Parts(java.util.function.Function<String, StreamableMessageSource<TrackedEventMessage<?>>> events,
                 TokenStore tokens,
                 TransactionManager transactions, JdbcTemplate readStore, String liveSearchPath, int batchSize,
                 RebuildGate gate) {
    }

    static NextGeneration start(String readModel, String schema, List<String> tables, int segments,
                                EventHandlerInvoker live, SequencedDeadLetterQueue<EventMessage<?>> parked, Parts parts) {
        String name = processorName(readModel);
        DeadLetteringEventHandlerInvoker invoker = DeadLetteringEventHandlerInvoker.builder()
                .eventHandlers(handlersOf(live))
                .sequencingPolicy(new PerClientSequencing())
                .queue(parked)
                .enqueuePolicy(EventSourceConfiguration.parkAgain())
                .transactionManager(parts.transactions())
                // As the live processors do: without it, Axon asks the queue (one query) before every event whether
                // its client has parked ones. The new generation starts with none, so the cache knows them all.
                .enableSequenceIdentifierCache()
                .build();
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor(threads(name + "-coordinator"));
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2, threads(name + "-worker"));
        PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .messageSource(parts.events().apply(readModel))
                .tokenStore(parts.tokens())
                .transactionManager(inShadow(parts.transactions(), parts.readStore(), schema, parts.liveSearchPath()))
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .initialSegmentCount(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                // It runs on this instance alone, so it claims every segment: caught up means all of them are.
                .maxClaimedSegments(segments)
                .batchSize(parts.batchSize())
                .build();
        processor.registerHandlerInterceptor((unitOfWork, chain) -> {
            parts.gate().beforeEvent(readModel);
            return chain.proceed();
        });
        processor.start();
        return new NextGeneration(readModel, schema, tables, segments, processor, coordinator, workers);
    }

    /** Every segment has handled every event there was when it last looked: the new figures are complete. */
    boolean caughtUp() {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.size() == segments && status.values().stream()
                .allMatch(s -> s.isCaughtUp() && s.getError() == null);
    }

    long position() {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min().orElse(0L);
    }

    /** Stops it, its tokens stored where it got to and its claims released. */
    void stop() {
        try {
            processor.shutdownAsync().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the next generation of " + readModel + " did not stop", e);
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** The live processor's own handlers (with their savepoints), to feed the shadow tables. */
    private static List<EventMessageHandler> handlersOf(EventHandlerInvoker invoker) {
        List<EventMessageHandler> handlers = new ArrayList<>();
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> handlers.addAll(handlersOf(delegate)));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            handlers.addAll(simple.eventHandlers());
        } else {
            throw new IllegalStateException("Cannot rebuild from handlers in " + invoker.getClass());
        }
        return handlers;
    }

    /** SET LOCAL: the shadow schema comes first for this transaction only, so the pooled connection goes back clean. */
    private static TransactionManager inShadow(TransactionManager transactions, JdbcTemplate readStore, String schema,
                                               String liveSearchPath) {
        return () -> {
            Transaction transaction = transactions.startTransaction();
            try {
                readStore.execute("SET LOCAL search_path TO " + schema + ", " + liveSearchPath + "; " + DerivedCommits.STATEMENT);
            } catch (RuntimeException e) {
                transaction.rollback();
                throw e;
            }
            return transaction;
        };
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
