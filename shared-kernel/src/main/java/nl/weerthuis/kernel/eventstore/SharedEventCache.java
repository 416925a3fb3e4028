package nl.weerthuis.kernel.eventstore;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * How much of the store an embedded event store keeps in memory for the processors that tail it. With Axon's defaults
 * (10,000 events; a processor that lags is let go of every 10 s) one slow processor holds on to every event appended
 * meanwhile — with the payloads the fast ones decoded — until the cleaner comes by: at a bulk load's ~10,000 events/s
 * that outgrew the 224 MB heap, and in a 100,000-client bench both applications stopped with an OutOfMemoryError.
 * Here a processor more than {@link #EVENTS} events behind reads a stream of its own from the database, and is let
 * go of within {@link #CLEANUP_MILLIS} ms: the cache holds at most about a second of appends.
 */
public final class SharedEventCache {

    static final int EVENTS = 1000;
    static final long CLEANUP_MILLIS = 1000;

    private SharedEventCache() {
    }

    public static EmbeddedEventStore.Builder bounded(EmbeddedEventStore.Builder builder) {
        return builder.cachedEvents(EVENTS).cleanupDelay(CLEANUP_MILLIS);
    }
}
