package nl.weerthuis.kernel.integrity;

import nl.weerthuis.kernel.eventstore.EventHashChain;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Walks the stored hash chains, fed the events in aggregate and sequence order: re-hashes every event from its
 * stored bytes, names the first one that does not match (the integrity check), and collects each aggregate's head
 * for a checkpoint. A checkpoint only ever vouches for an intact store: {@link #heads()} refuses a broken one.
 */
public final class ChainHeads implements Consumer<StoredEvent> {

    /** The first event whose stored bytes, link or place in its chain is not as it was appended. */
    public record Broken(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                         String payloadType, String reason) {
    }

    private final List<ChainHead> heads = new ArrayList<>();
    private long checked;
    private String aggregate;
    private long lastSequence;
    private String lastHash;
    private ByteArrayOutputStream locator;
    private Broken broken;

    @Override
    public void accept(StoredEvent event) {
        if (broken != null) {
            return;
        }
        checked++;
        if (!event.aggregateIdentifier().equals(aggregate)) {
            finishAggregate();
            aggregate = event.aggregateIdentifier();
            lastSequence = -1;
            lastHash = EventHashChain.GENESIS;
            locator = new ByteArrayOutputStream();
        }
        String expected = event.hashAfter(lastHash);
        if (event.sequenceNumber() != lastSequence + 1) {
            fail(event, "event " + (lastSequence + 1) + " of this aggregate is missing");
        } else if (!Objects.equals(lastHash, event.previousHash())) {
            fail(event, "the link to the previous event of this aggregate does not match");
        } else if (!expected.equals(event.eventHash())) {
            fail(event, event.eventHash() == null ? "the event has no hash" : "the stored event does not match its hash");
        } else {
            locator.writeBytes(ChainHead.prefix(expected));
            lastSequence = event.sequenceNumber();
            lastHash = expected;
        }
    }

    public long checked() {
        return checked;
    }

    public Optional<Broken> broken() {
        return Optional.ofNullable(broken);
    }

    /** The heads of every aggregate seen, or an exception naming the first broken event. */
    public List<ChainHead> heads() {
        if (broken != null) {
            throw new IllegalStateException("the event store is not intact, so no checkpoint is signed: event "
                    + broken.eventIdentifier() + " (aggregate " + broken.aggregateIdentifier() + ", sequence "
                    + broken.sequenceNumber() + "): " + broken.reason());
        }
        finishAggregate();
        aggregate = null;
        return List.copyOf(heads);
    }

    private void fail(StoredEvent event, String reason) {
        broken = new Broken(event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.payloadType(), reason);
    }

    private void finishAggregate() {
        if (aggregate != null && lastSequence >= 0) {
            heads.add(new ChainHead(aggregate, lastSequence, lastHash, locator.toByteArray()));
        }
    }
}
