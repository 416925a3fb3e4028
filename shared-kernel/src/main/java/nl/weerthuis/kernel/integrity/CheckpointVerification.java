package nl.weerthuis.kernel.integrity;

import nl.weerthuis.kernel.eventstore.EventHashChain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Proves, against a signed checkpoint, that every event it covers is still stored as it was: fed the stored events
 * in aggregate and sequence order, it re-hashes each chain from the stored bytes alone (never trusting a stored
 * hash) and compares with what was signed. So a chain that was edited and then re-hashed consistently — which
 * passes the integrity check, since it only compares the store with itself — fails here, and the locator names
 * the first event that differs. Events appended after the checkpoint are outside its proof and pass unremarked;
 * an aggregate it does not know, at a position it covers, was added behind its back.
 */
public final class CheckpointVerification implements Consumer<StoredEvent> {

    /** One event (or gap) that is not as the checkpoint signed it. {@code globalIndex} is null for a missing event. */
    public record Finding(Long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String reason) {
    }

    public record Verdict(boolean authentic, boolean unchanged, long eventsCovered, long eventsChecked,
                          List<Finding> findings) {

        public boolean holds() {
            return authentic && unchanged;
        }

        /** The first event that is not as signed: by position in the store, missing events last. */
        public Finding first() {
            return findings.isEmpty() ? null : findings.get(0);
        }
    }

    private final Checkpoint checkpoint;
    private final boolean authentic;
    private final Map<String, ChainHead> heads = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private long checked;

    private String aggregate;
    private ChainHead head;
    private long lastSequence;
    private String computed;
    private boolean aggregateFailed;

    public CheckpointVerification(Checkpoint checkpoint, PublicKeys trusted) {
        this.checkpoint = checkpoint;
        this.authentic = checkpoint.isAuthentic(trusted);
        checkpoint.heads().forEach(h -> heads.put(h.aggregateIdentifier(), h));
    }

    @Override
    public void accept(StoredEvent event) {
        if (!event.aggregateIdentifier().equals(aggregate)) {
            finishAggregate();
            aggregate = event.aggregateIdentifier();
            head = heads.get(aggregate);
            seen.add(aggregate);
            lastSequence = -1;
            computed = EventHashChain.GENESIS;
            aggregateFailed = false;
        }
        if (aggregateFailed || (head != null && event.sequenceNumber() > head.sequenceNumber())) {
            return;
        }
        if (head == null) {
            if (event.globalIndex() <= checkpoint.globalPosition()) {
                fail(event, "its aggregate is not in the checkpoint, although its position is one the checkpoint covers: "
                        + "it was added afterwards");
            }
            return;
        }
        checked++;
        if (event.sequenceNumber() != lastSequence + 1) {
            fail(new Finding(null, null, aggregate, lastSequence + 1, "the checkpoint covers this event, but it is "
                    + "missing from the store"));
            return;
        }
        computed = event.hashAfter(computed);
        lastSequence = event.sequenceNumber();
        if (!Arrays.equals(ChainHead.prefix(computed), head.prefixOf(event.sequenceNumber()))
                || (event.sequenceNumber() == head.sequenceNumber() && !computed.equals(head.hash()))) {
            fail(event, computed.equals(event.eventHash())
                    ? "it differs from the event the checkpoint signed, and its hash chain was recomputed to match: "
                    + "rewritten after the checkpoint"
                    : "it differs from the event the checkpoint signed (and from its own stored hash)");
        }
    }

    public Verdict verdict() {
        finishAggregate();
        aggregate = null;
        for (ChainHead missing : checkpoint.heads()) {
            if (!seen.contains(missing.aggregateIdentifier())) {
                findings.add(new Finding(null, null, missing.aggregateIdentifier(), 0, "the checkpoint covers "
                        + (missing.sequenceNumber() + 1) + " events of this aggregate; none is in the store"));
            }
        }
        List<Finding> ordered = findings.stream().sorted(Comparator.comparing(Finding::globalIndex,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        return new Verdict(authentic, ordered.isEmpty(), checkpoint.events(), checked, ordered);
    }

    private void finishAggregate() {
        if (aggregate != null && head != null && !aggregateFailed && lastSequence < head.sequenceNumber()) {
            fail(new Finding(null, null, aggregate, lastSequence + 1, "the checkpoint covers events up to sequence "
                    + head.sequenceNumber() + " of this aggregate; the store ends before, at " + lastSequence));
        }
    }

    private void fail(StoredEvent event, String reason) {
        fail(new Finding(event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), reason));
    }

    private void fail(Finding finding) {
        aggregateFailed = true;
        findings.add(finding);
    }
}
