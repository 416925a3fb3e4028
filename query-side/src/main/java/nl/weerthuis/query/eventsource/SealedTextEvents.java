package nl.weerthuis.query.eventsource;

import jakarta.annotation.PreDestroy;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Set;

/**
 * The event store as read by read models that never show a personal text as it is read: the monitor, which counts,
 * the client file, which keeps each text sealed as the event holds it (opened when the file is read), and the partner
 * feed, whose notifications carry none. Its
 * messages are read with a serializer that leaves every sealed text sealed, so handling them decrypts nothing.
 * (Messages of the shared stream may already have been opened for another read model; these are read apart.)
 * Deliberately not an {@code EventStore}: nothing appends to it or mistakes it for the application's event bus.
 */
public final class SealedTextEvents implements StreamableMessageSource<TrackedEventMessage<?>> {

    /**
     * The read models that read the store this way: the history's subjects and versions hold ids and policies only,
     * and the client file keeps a sealed text as it came (see SealedTexts.keepForReadModel).
     */
    public static final Set<String> READ_MODELS = Set.of("monitor", "history", "client-file");

    private final EmbeddedEventStore store;

    SealedTextEvents(EmbeddedEventStore store) {
        this.store = store;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return store.openStream(trackingToken);
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

    @Override
    public TrackingToken createTokenSince(java.time.Duration duration) {
        return store.createTokenSince(duration);
    }

    @PreDestroy
    void shutDown() {
        store.shutDown();
    }
}
