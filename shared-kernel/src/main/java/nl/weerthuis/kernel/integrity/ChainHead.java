package nl.weerthuis.kernel.integrity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where one aggregate's hash chain stood when a checkpoint was signed: its last sequence number and that event's
 * hash, which by the chain stands for every earlier event of the aggregate. The locator holds the first
 * {@value #LOCATOR_BYTES} bytes of every event's hash (sequence 0 to the head): it proves nothing by itself (the
 * head does), it lets a verifier name the first event that differs when a chain was rewritten and re-hashed.
 */
public record ChainHead(String aggregateIdentifier, long sequenceNumber, String hash, byte[] locator) {

    public static final int LOCATOR_BYTES = 8;

    public ChainHead {
        if (hash == null || hash.length() != 64) {
            throw new IllegalArgumentException("a chain head's hash is 64 hex digits");
        }
        if (locator.length != (sequenceNumber + 1) * LOCATOR_BYTES) {
            throw new IllegalArgumentException("the locator of " + aggregateIdentifier + " must hold every event's prefix");
        }
    }

    /** The locator prefix of the event with this sequence number. */
    public byte[] prefixOf(long sequence) {
        int from = (int) sequence * LOCATOR_BYTES;
        return Arrays.copyOfRange(locator, from, from + LOCATOR_BYTES);
    }

    public static byte[] prefix(String eventHash) {
        return Arrays.copyOf(HexFormat.of().parseHex(eventHash), LOCATOR_BYTES);
    }

    /** The Merkle leaf: every field length-prefixed, so no two heads give the same bytes. */
    byte[] leaf() {
        byte[] id = aggregateIdentifier.getBytes(StandardCharsets.UTF_8);
        byte[] hashBytes = hash.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(4 + id.length + 8 + 4 + hashBytes.length + 4 + locator.length)
                .putInt(id.length).put(id)
                .putLong(sequenceNumber)
                .putInt(hashBytes.length).put(hashBytes)
                .putInt(locator.length).put(locator)
                .array();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainHead head && head.aggregateIdentifier.equals(aggregateIdentifier)
                && head.sequenceNumber == sequenceNumber && head.hash.equals(hash) && Arrays.equals(head.locator, locator);
    }

    @Override
    public int hashCode() {
        return aggregateIdentifier.hashCode() * 31 + Long.hashCode(sequenceNumber);
    }

    @Override
    public String toString() {
        return aggregateIdentifier + "@" + sequenceNumber + ":" + hash;
    }
}
