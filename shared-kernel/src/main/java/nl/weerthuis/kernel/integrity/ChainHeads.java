package nl.weerthuis.kernel.integrity;

import nl.weerthuis.kernel.eventstore.EventHashChain;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects the chain heads to sign from the stored events, fed in aggregate and sequence order. It re-hashes every
 * event as it goes and refuses a store whose chains are already broken: a checkpoint only ever vouches for an
 * intact store.
 */
public final class ChainHeads implements Consumer<StoredEvent> {

    private final List<ChainHead> heads = new ArrayList<>();
    private String aggregate;
    private long lastSequence;
    private String lastHash;
    private ByteArrayOutputStream locator;
    private String broken;

    @Override
    public void accept(StoredEvent event) {
        if (broken != null) {
            return;
        }
        if (!event.aggregateIdentifier().equals(aggregate)) {
            finishAggregate();
            aggregate = event.aggregateIdentifier();
            lastSequence = -1;
            lastHash = EventHashChain.GENESIS;
            locator = new ByteArrayOutputStream();
        }
        String expected = event.hashAfter(lastHash);
        if (event.sequenceNumber() != lastSequence + 1 || !Objects.equals(lastHash, event.previousHash())
                || !expected.equals(event.eventHash())) {
            broken = "event " + event.eventIdentifier() + " (aggregate " + aggregate + ", sequence "
                    + event.sequenceNumber() + ") breaks its hash chain";
            return;
        }
        locator.writeBytes(ChainHead.prefix(expected));
        lastSequence = event.sequenceNumber();
        lastHash = expected;
    }

    /** The heads of every aggregate seen, or an exception naming the first broken event. */
    public List<ChainHead> heads() {
        if (broken != null) {
            throw new IllegalStateException("the event store is not intact, so no checkpoint is signed: " + broken);
        }
        finishAggregate();
        aggregate = null;
        return List.copyOf(heads);
    }

    private void finishAggregate() {
        if (aggregate != null && lastSequence >= 0) {
            heads.add(new ChainHead(aggregate, lastSequence, lastHash, locator.toByteArray()));
        }
    }
}
