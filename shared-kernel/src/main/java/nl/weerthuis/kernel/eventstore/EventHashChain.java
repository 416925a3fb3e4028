package nl.weerthuis.kernel.eventstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that makes the event store tamper-evident. Each event's hash covers its type, identifiers, sequence,
 * timestamp, payload and metadata exactly as stored, and the hash of the previous event of the same aggregate, so
 * altering, removing or reordering a stored event breaks the chain from that event on. Both applications use this
 * one definition: the command side when it appends, the query side when it verifies.
 */
public final class EventHashChain {

    /** What the first event of an aggregate chains to. */
    public static final String GENESIS = "0".repeat(64);

    private EventHashChain() {
    }

    public static String hash(String previousHash, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                              String eventIdentifier, String timestamp, String payloadType, String payloadRevision,
                              byte[] payload, byte[] metaData) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            // Every part is length-prefixed, so no two different events can produce the same input.
            for (String part : new String[]{previousHash, aggregateType, aggregateIdentifier, Long.toString(sequenceNumber),
                    eventIdentifier, timestamp, payloadType, payloadRevision}) {
                update(digest, part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8), part == null);
            }
            update(digest, payload == null ? new byte[0] : payload, payload == null);
            update(digest, metaData == null ? new byte[0] : metaData, metaData == null);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest digest, byte[] bytes, boolean absent) {
        digest.update(ByteBuffer.allocate(5).put((byte) (absent ? 0 : 1)).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
