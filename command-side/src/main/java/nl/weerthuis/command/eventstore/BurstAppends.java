package nl.weerthuis.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.Serializer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The store, with one long transaction's events appended in one short burst at its end.
 * <p>
 * Processors read the store in global-index order and keep an index that was drawn but not yet committed as a gap
 * only for a while (Axon: 10,000 later events, or 60 s). A transaction that appends for minutes while others commit
 * beside it — a caseload import: thousands of journeys, all or nothing — would have its first events given up by
 * every reader, silently. So such work {@linkplain #holding holds} its appends back (its own commands still read
 * their aggregates, held events included), and then {@linkplain #settle appends} them alone: every append holds a
 * shared lock until its transaction ends, the burst an exclusive one. The burst thus draws one unbroken run of indexes
 * that no other append can overtake; other commands wait only for the burst and its commit, not for the whole import.
 * <p>
 * The burst does not queue for its lock: it tries, and tries again, until no append is in flight. Queued, it would make
 * every later append queue behind it — and an append in flight may be waiting, in this JVM, for the aggregate lock of
 * a command queued so (a move-in's outflow, a journey batch's next command), a cycle PostgreSQL cannot see. Nor does
 * it wait for ever: appends that never stop overlapping for that long (or one stuck in an open transaction) make the
 * burst fail as PostgreSQL's own lock timeout does ({@link #BUSY}), and its whole transaction with it — an import that
 * is not recorded and may be sent again, rather than every writer held up. Events are serialized and sealed
 * (personal-data keys made) before the lock is taken.
 */
public class BurstAppends implements EventStorageEngine {

    private static final String SHARED = "SELECT pg_advisory_xact_lock_shared(hashtext('weerthuis.event-append'))";
    private static final String TRY_ALONE = "SELECT pg_try_advisory_xact_lock(hashtext('weerthuis.event-append'))";
    /** PostgreSQL's SQLSTATE lock_not_available: a burst that found no moment to append alone. */
    public static final String BUSY = "55P03";
    private static final long RETRY_MILLIS = 5;

    private static final ThreadLocal<Holding> HELD = new ThreadLocal<>();
    /** While a burst appends on this thread: how long it may try for its lock. */
    private static final ThreadLocal<Duration> ALONE_NOW = new ThreadLocal<>();

    private final EventStorageEngine store;
    private final Serializer serializer;
    private final Duration trying;

    BurstAppends(EventStorageEngine store, Serializer eventSerializer, Duration trying) {
        this.store = store;
        this.serializer = eventSerializer;
        this.trying = trying;
    }

    /** The same store, whose bursts try for their lock this long. */
    BurstAppends trying(Duration trying) {
        return new BurstAppends(store, serializer, trying);
    }

    /** Takes the append lock (shared, or exclusive in a burst) on the appending transaction's connection first. */
    static AppendEventsStatementBuilder inTurn(AppendEventsStatementBuilder append) {
        return (connection, schema, dataType, events, serializer, timestampWriter) -> {
            try (Statement lock = connection.createStatement()) {
                Duration trying = ALONE_NOW.get();
                if (trying != null) {
                    alone(lock, trying);
                } else {
                    lock.execute(SHARED);
                }
            }
            return append.build(connection, schema, dataType, events, serializer, timestampWriter);
        };
    }

    private static void alone(Statement lock, Duration trying) throws SQLException {
        long until = System.nanoTime() + trying.toNanos();
        while (true) {
            try (ResultSet taken = lock.executeQuery(TRY_ALONE)) {
                if (taken.next() && taken.getBoolean(1)) {
                    return;
                }
            }
            if (System.nanoTime() >= until) {
                throw new NoMomentAlone(trying);
            }
            try {
                Thread.sleep(RETRY_MILLIS); // a back-off between tries, not a wait for anything in particular
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting to append alone", e);
            }
        }
    }

    /** A burst that found no moment to append alone: as PostgreSQL's own lock timeout, its transaction must end. */
    public static final class NoMomentAlone extends SQLException {

        private final Duration tried;

        NoMomentAlone(Duration tried) {
            super("the event store found no moment to append the burst alone within " + tried, BUSY);
            this.tried = tried;
        }

        /** How long the burst tried: about as long as sending it again should wait. */
        public Duration tried() {
            return tried;
        }
    }

    /** This thread's held events: in append order, and by aggregate for its own commands' loads. */
    private static final class Holding {
        final List<DomainEventMessage<?>> ordered = new ArrayList<>();
        final Map<String, List<DomainEventMessage<?>>> byAggregate = new HashMap<>();

        void add(List<DomainEventMessage<?>> events) {
            ordered.addAll(events);
            events.forEach(e -> byAggregate.computeIfAbsent(e.getAggregateIdentifier(), id -> new ArrayList<>()).add(e));
        }

        void remove(List<DomainEventMessage<?>> events) {
            Set<DomainEventMessage<?>> gone = Collections.newSetFromMap(new IdentityHashMap<>());
            gone.addAll(events);
            ordered.removeIf(gone::contains);
            events.forEach(e -> byAggregate.getOrDefault(e.getAggregateIdentifier(), new ArrayList<>()).removeIf(gone::contains));
        }

        List<DomainEventMessage<?>> of(String aggregateIdentifier) {
            return byAggregate.getOrDefault(aggregateIdentifier, List.of());
        }
    }

    /** The events held back so far on this thread, in the order they were appended. */
    public interface Held {

        /** The held events of these aggregates, in append order. */
        List<DomainEventMessage<?>> of(String... aggregateIdentifiers);

        /** Every held event, in append order. */
        List<DomainEventMessage<?>> all();
    }

    /**
     * Runs {@code work} (inside an open transaction) with this thread's appends held back instead of stored. Appends
     * of a unit of work that rolls back are let go again. Nothing held is stored unless {@linkplain #settle settled}.
     */
    public <T> T holding(Function<Held, T> work) {
        if (HELD.get() != null) {
            throw new IllegalStateException("already holding appends on this thread");
        }
        Holding held = new Holding();
        HELD.set(held);
        try {
            return work.apply(new Held() {
                @Override
                public List<DomainEventMessage<?>> of(String... aggregateIdentifiers) {
                    Set<String> wanted = Set.copyOf(Arrays.asList(aggregateIdentifiers));
                    return held.ordered.stream().filter(e -> wanted.contains(e.getAggregateIdentifier())).toList();
                }

                @Override
                public List<DomainEventMessage<?>> all() {
                    return List.copyOf(held.ordered);
                }
            });
        } finally {
            HELD.remove();
        }
    }

    /**
     * Ends held work: the events are serialized and sealed as the store will write them (so a dry run makes what a
     * real one makes, and the burst makes no keys under its lock); then, if {@code append}, appended in the current
     * transaction with no other append in between or overtaking. Not appended, the personal-data keys made for them
     * are let go with them.
     */
    public void settle(List<? extends DomainEventMessage<?>> events, boolean append) {
        if (CurrentUnitOfWork.isStarted()) {
            // Nested, its rollback would not reach the root that the key cache listens to.
            throw new IllegalStateException("held work is settled outside any unit of work");
        }
        // Sealing makes a personal-data key per new subject and caches it until its unit of work rolls back.
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            for (DomainEventMessage<?> event : events) {
                event.serializePayload(serializer, byte[].class); // kept on the message: the append reuses it
                event.serializeMetaData(serializer, byte[].class);
            }
            if (append && !events.isEmpty()) {
                ALONE_NOW.set(trying);
                try {
                    store.appendEvents(events);
                } finally {
                    ALONE_NOW.remove();
                }
            }
        } catch (Throwable e) {
            // Whatever it was (an Error too): a unit of work left current would swallow this thread's next commands.
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
        if (append) {
            unitOfWork.commit();
        } else {
            unitOfWork.rollback();
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Holding held = HELD.get();
        if (held == null) {
            store.appendEvents(events);
            return;
        }
        List<DomainEventMessage<?>> these = events.stream().<DomainEventMessage<?>>map(e -> (DomainEventMessage<?>) e).toList();
        held.add(these);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> held.remove(these)));
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream stored = store.readEvents(aggregateIdentifier, firstSequenceNumber);
        Holding held = HELD.get();
        if (held == null) {
            return stored;
        }
        List<DomainEventMessage<?>> heldHere = held.of(aggregateIdentifier).stream()
                .filter(e -> e.getSequenceNumber() >= firstSequenceNumber).toList();
        return heldHere.isEmpty() ? stored : DomainEventStream.concat(stored, DomainEventStream.of(heldHere));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Optional<Long> stored = store.lastSequenceNumberFor(aggregateIdentifier);
        Holding held = HELD.get();
        if (held == null) {
            return stored;
        }
        return Stream.concat(stored.stream(), held.of(aggregateIdentifier).stream().map(DomainEventMessage::getSequenceNumber))
                .max(Long::compareTo);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        store.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return store.readEvents(trackingToken, mayBlock);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return store.readSnapshot(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }
}
