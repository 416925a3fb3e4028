package nl.weerthuis.command.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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
 * their aggregates, held events included), and then {@linkplain #appendAlone appends} them alone: every append holds
 * a shared lock until its transaction ends, the burst an exclusive one. The burst thus waits for the appends in
 * flight and then draws one unbroken run of indexes that no other append can overtake; other commands wait only for
 * the burst and its commit, not for the whole import.
 */
public class BurstAppends implements EventStorageEngine {

    private static final String SHARED = "SELECT pg_advisory_xact_lock_shared(hashtext('weerthuis.event-append'))";
    private static final String ALONE = "SELECT pg_advisory_xact_lock(hashtext('weerthuis.event-append'))";

    private static final ThreadLocal<List<DomainEventMessage<?>>> HELD = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> ALONE_NOW = new ThreadLocal<>();

    private final EventStorageEngine store;

    BurstAppends(EventStorageEngine store) {
        this.store = store;
    }

    /** Takes the append lock (shared, or exclusive in a burst) on the appending transaction's connection first. */
    static AppendEventsStatementBuilder inTurn(AppendEventsStatementBuilder append) {
        return (connection, schema, dataType, events, serializer, timestampWriter) -> {
            try (Statement lock = connection.createStatement()) {
                lock.execute(Boolean.TRUE.equals(ALONE_NOW.get()) ? ALONE : SHARED);
            }
            return append.build(connection, schema, dataType, events, serializer, timestampWriter);
        };
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
     * of a unit of work that rolls back are let go again. Nothing held is stored unless passed to {@link #appendAlone}.
     */
    public <T> T holding(Function<Held, T> work) {
        if (HELD.get() != null) {
            throw new IllegalStateException("already holding appends on this thread");
        }
        List<DomainEventMessage<?>> held = new ArrayList<>();
        HELD.set(held);
        try {
            return work.apply(new Held() {
                @Override
                public List<DomainEventMessage<?>> of(String... aggregateIdentifiers) {
                    Set<String> wanted = Set.copyOf(java.util.Arrays.asList(aggregateIdentifiers));
                    return held.stream().filter(e -> wanted.contains(e.getAggregateIdentifier())).toList();
                }

                @Override
                public List<DomainEventMessage<?>> all() {
                    return List.copyOf(held);
                }
            });
        } finally {
            HELD.remove();
        }
    }

    /** Appends these events in the current transaction, with no other append in between or overtaking. */
    public void appendAlone(List<? extends DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        ALONE_NOW.set(true);
        try {
            store.appendEvents(events);
        } finally {
            ALONE_NOW.remove();
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        List<DomainEventMessage<?>> held = HELD.get();
        if (held == null) {
            store.appendEvents(events);
            return;
        }
        List<DomainEventMessage<?>> these = events.stream().<DomainEventMessage<?>>map(e -> (DomainEventMessage<?>) e).toList();
        held.addAll(these);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> {
            Set<DomainEventMessage<?>> rolledBack = Collections.newSetFromMap(new IdentityHashMap<>());
            rolledBack.addAll(these);
            held.removeIf(rolledBack::contains);
        }));
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        DomainEventStream stored = store.readEvents(aggregateIdentifier, firstSequenceNumber);
        List<DomainEventMessage<?>> held = HELD.get();
        if (held == null) {
            return stored;
        }
        List<DomainEventMessage<?>> heldHere = held.stream()
                .filter(e -> e.getAggregateIdentifier().equals(aggregateIdentifier)
                        && e.getSequenceNumber() >= firstSequenceNumber).toList();
        return heldHere.isEmpty() ? stored : DomainEventStream.concat(stored, DomainEventStream.of(heldHere));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Optional<Long> stored = store.lastSequenceNumberFor(aggregateIdentifier);
        List<DomainEventMessage<?>> held = HELD.get();
        if (held == null) {
            return stored;
        }
        return Stream.concat(stored.stream(), held.stream()
                        .filter(e -> e.getAggregateIdentifier().equals(aggregateIdentifier))
                        .map(DomainEventMessage::getSequenceNumber))
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
