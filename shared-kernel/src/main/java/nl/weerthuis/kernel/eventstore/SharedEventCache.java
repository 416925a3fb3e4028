package nl.weerthuis.kernel.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How much of the store an embedded event store keeps in memory for the processors that tail it. Its producer thread
 * reads the store ahead of them into a linked list of events; what pins that list is (1) a processor that lags, until
 * the store's cleaner lets it go (Axon: every 10 s), and (2) the producer itself, which holds the list from where one
 * read began for as long as that read lasts — and a read that always finds more (a bulk load) never ends. In a
 * 100,000-client sweep (~10,000 events/s appended) both applications held some 120,000 events that way, decoded, and
 * stopped with an OutOfMemoryError (heap dumps of both). Here the cache keeps {@link #EVENTS} events, a lagging
 * processor is let go of within {@link #CLEANUP_MILLIS} ms (it then reads a stream of its own from the database),
 * and the producer's reads end after {@link #EVENTS} events (it starts the next at once).
 */
public final class SharedEventCache {

    static final int EVENTS = 1000;
    static final long CLEANUP_MILLIS = 1000;

    private SharedEventCache() {
    }

    /** {@code engine} is the one the store reads from: give it here, not to the builder. */
    public static EmbeddedEventStore.Builder bounded(EmbeddedEventStore.Builder builder, EventStorageEngine engine) {
        return builder.storageEngine(new ReadsOfBoundedLength(engine)).cachedEvents(EVENTS).cleanupDelay(CLEANUP_MILLIS);
    }

    /** The engine, with its blocking reads (the producer's: a processor's own reads do not block) cut short. */
    private record ReadsOfBoundedLength(EventStorageEngine engine) implements EventStorageEngine {

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(trackingToken, mayBlock);
            return mayBlock ? events.limit(EVENTS) : events;
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            engine.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            engine.storeSnapshot(snapshot);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return engine.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return engine.readSnapshot(aggregateIdentifier);
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return engine.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return engine.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return engine.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return engine.createTokenAt(dateTime);
        }
    }
}
