package nl.weerthuis.kernel.integrity;

import nl.weerthuis.kernel.eventstore.EventHashChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verifier against an in-memory store: it passes what was signed (and what came after), and names the first
 * event that differs — also when the whole chain behind it was re-hashed, which a self-check of the store cannot see.
 */
class CheckpointVerificationTest {

    private final SigningKey key = SigningKey.fromSeed(SigningKeyTest.seed(7));
    private final PublicKeys trusted = PublicKeys.parse(List.of(key.publicKey()));
    private List<StoredEvent> store;
    private long nextIndex;

    @BeforeEach
    void store() {
        store = new ArrayList<>();
        nextIndex = 1;
        for (String aggregate : List.of("client-a", "client-b", "tenancy-c")) {
            for (int sequence = 0; sequence < 4; sequence++) {
                append(aggregate, "{\"step\":" + sequence + ",\"grounds\":\"as agreed\"}");
            }
        }
    }

    @Test
    void an_unchanged_store_verifies_also_with_events_appended_after_the_checkpoint() {
        Checkpoint checkpoint = checkpoint();
        append("client-a", "{\"step\":4}");
        append("client-new", "{\"step\":0}");

        CheckpointVerification.Verdict verdict = verify(checkpoint);

        assertThat(verdict.holds()).isTrue();
        assertThat(verdict.eventsChecked()).isEqualTo(12).isEqualTo(verdict.eventsCovered());
    }

    @Test
    void an_event_rewritten_with_its_whole_chain_re_hashed_is_named() {
        Checkpoint checkpoint = checkpoint();
        rewrite("client-b", 1, "{\"step\":1,\"grounds\":\"never agreed\"}");
        assertThat(selfConsistent()).as("the store alone looks intact").isTrue();

        CheckpointVerification.Verdict verdict = verify(checkpoint);

        assertThat(verdict.holds()).isFalse();
        assertThat(verdict.authentic()).isTrue();
        assertThat(verdict.findings()).hasSize(1);
        assertThat(verdict.first().aggregateIdentifier()).isEqualTo("client-b");
        assertThat(verdict.first().sequenceNumber()).isEqualTo(1);
        assertThat(verdict.first().eventIdentifier()).isEqualTo("client-b-1");
        assertThat(verdict.first().reason()).contains("recomputed");
    }

    @Test
    void an_edit_without_re_hashing_is_named_too() {
        Checkpoint checkpoint = checkpoint();
        int at = indexOf("tenancy-c", 2);
        StoredEvent original = store.get(at);
        store.set(at, new StoredEvent(original.globalIndex(), original.aggregateIdentifier(), original.sequenceNumber(),
                original.type(), original.eventIdentifier(), original.timestamp(), original.payloadType(),
                original.payloadRevision(), "{\"step\":9}".getBytes(StandardCharsets.UTF_8), original.metaData(),
                original.eventHash(), original.previousHash()));

        CheckpointVerification.Finding first = verify(checkpoint).first();

        assertThat(first.eventIdentifier()).isEqualTo("tenancy-c-2");
        assertThat(first.reason()).contains("its own stored hash");
    }

    @Test
    void deleted_events_and_aggregates_and_an_aggregate_slipped_in_behind_the_checkpoint_are_found() {
        Checkpoint checkpoint = checkpoint();
        store.remove(indexOf("client-a", 3));
        store.removeIf(event -> event.aggregateIdentifier().equals("tenancy-c"));
        // A fabricated client at a position the checkpoint covered (before its global position).
        store.add(event("client-fake", 0, 5, EventHashChain.GENESIS, "{\"step\":0}"));

        List<CheckpointVerification.Finding> findings = verify(checkpoint).findings();

        assertThat(findings).extracting(CheckpointVerification.Finding::aggregateIdentifier)
                .containsExactly("client-fake", "client-a", "tenancy-c");
        assertThat(findings.get(1).sequenceNumber()).isEqualTo(3);
    }

    @Test
    void a_checkpoint_from_an_untrusted_key_or_with_an_altered_head_proves_nothing() {
        Checkpoint checkpoint = checkpoint();
        SigningKey forger = SigningKey.fromSeed(SigningKeyTest.seed(8));
        Checkpoint forged = Checkpoint.sign(forger, checkpoint.createdAt(), checkpoint.globalPosition(), checkpoint.heads());
        assertThat(verify(forged).authentic()).isFalse();

        String text = checkpoint.toText();
        String firstHeadHash = checkpoint.heads().get(0).hash();
        Checkpoint altered = Checkpoint.parse(text.replace(firstHeadHash, firstHeadHash.replace(firstHeadHash.charAt(0),
                firstHeadHash.charAt(0) == 'a' ? 'b' : 'a')));
        assertThat(verify(altered).authentic()).isFalse();
        Checkpoint moved = Checkpoint.parse(text.replace("global-position: " + checkpoint.globalPosition(),
                "global-position: " + (checkpoint.globalPosition() + 1)));
        assertThat(verify(moved).authentic()).isFalse();
    }

    @Test
    void the_file_reads_back_as_the_same_signed_checkpoint_and_old_keys_still_verify_after_a_rotation() {
        Checkpoint checkpoint = checkpoint();
        Checkpoint read = Checkpoint.parse(checkpoint.toText());
        assertThat(read).isEqualTo(checkpoint);

        SigningKey next = SigningKey.fromSeed(SigningKeyTest.seed(9));
        PublicKeys afterRotation = PublicKeys.parse(List.of(next.publicKey(), key.publicKey()));
        assertThat(new CheckpointVerification(read, afterRotation).verdict().authentic()).isTrue();
        assertThat(new CheckpointVerification(read, PublicKeys.parse(List.of(next.publicKey()))).verdict().authentic())
                .as("without the retired key, an old checkpoint cannot be checked").isFalse();
    }

    @Test
    void no_checkpoint_is_signed_for_a_store_that_is_already_broken() {
        rewriteWithoutRehash("client-a", 0);
        ChainHeads heads = new ChainHeads();
        sorted().forEach(heads);
        assertThatThrownBy(heads::heads).hasMessageContaining("client-a-0");
    }

    private Checkpoint checkpoint() {
        ChainHeads heads = new ChainHeads();
        sorted().forEach(heads);
        return Checkpoint.sign(key, Instant.parse("2026-12-01T10:00:00Z"), nextIndex - 1, heads.heads());
    }

    private CheckpointVerification.Verdict verify(Checkpoint checkpoint) {
        CheckpointVerification verification = new CheckpointVerification(checkpoint, trusted);
        sorted().forEach(verification);
        return verification.verdict();
    }

    private List<StoredEvent> sorted() {
        return store.stream().sorted(Comparator.comparing(StoredEvent::aggregateIdentifier)
                .thenComparing(StoredEvent::sequenceNumber)).toList();
    }

    private boolean selfConsistent() {
        try {
            ChainHeads heads = new ChainHeads();
            sorted().forEach(heads);
            heads.heads();
            return true;
        } catch (IllegalStateException broken) {
            return false;
        }
    }

    private void append(String aggregate, String payload) {
        long sequence = store.stream().filter(e -> e.aggregateIdentifier().equals(aggregate)).count();
        String previous = sequence == 0 ? EventHashChain.GENESIS : store.get(indexOf(aggregate, sequence - 1)).eventHash();
        store.add(event(aggregate, sequence, nextIndex++, previous, payload));
    }

    /** What an insider with write access does: change one event, then recompute every hash after it. */
    private void rewrite(String aggregate, long sequence, String payload) {
        int at = indexOf(aggregate, sequence);
        StoredEvent original = store.get(at);
        StoredEvent changed = event(aggregate, sequence, original.globalIndex(), original.previousHash(), payload);
        store.set(at, changed);
        String previous = changed.eventHash();
        for (long next = sequence + 1; indexOf(aggregate, next) >= 0; next++) {
            StoredEvent later = store.get(indexOf(aggregate, next));
            StoredEvent rehashed = event(aggregate, next, later.globalIndex(), previous, new String(later.payload(), StandardCharsets.UTF_8));
            store.set(indexOf(aggregate, next), rehashed);
            previous = rehashed.eventHash();
        }
    }

    private void rewriteWithoutRehash(String aggregate, long sequence) {
        int at = indexOf(aggregate, sequence);
        StoredEvent original = store.get(at);
        StoredEvent changed = event(aggregate, sequence, original.globalIndex(), original.previousHash(), "{\"x\":1}");
        store.set(at, new StoredEvent(changed.globalIndex(), aggregate, sequence, changed.type(), changed.eventIdentifier(),
                changed.timestamp(), changed.payloadType(), null, changed.payload(), changed.metaData(),
                original.eventHash(), original.previousHash()));
    }

    private int indexOf(String aggregate, long sequence) {
        for (int i = 0; i < store.size(); i++) {
            if (store.get(i).aggregateIdentifier().equals(aggregate) && store.get(i).sequenceNumber() == sequence) {
                return i;
            }
        }
        return -1;
    }

    private static StoredEvent event(String aggregate, long sequence, long globalIndex, String previous, String payload) {
        StoredEvent unhashed = new StoredEvent(globalIndex, aggregate, sequence, "Client", aggregate + "-" + sequence,
                "2026-11-0" + (1 + sequence % 9) + "T10:00:00Z", "nl.weerthuis.kernel.client.SomethingHappened", null,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8), null, previous);
        return new StoredEvent(globalIndex, aggregate, sequence, unhashed.type(), unhashed.eventIdentifier(),
                unhashed.timestamp(), unhashed.payloadType(), null, unhashed.payload(), unhashed.metaData(),
                unhashed.hashAfter(previous), previous);
    }
}
