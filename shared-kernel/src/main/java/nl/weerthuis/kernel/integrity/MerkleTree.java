package nl.weerthuis.kernel.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The Merkle tree hash of RFC 6962 (Certificate Transparency) over SHA-256: leaves and inner nodes are hashed with
 * different prefixes, so a leaf can never pass for a node, and a tree of n leaves splits at the largest power of two
 * below n. One root stands for every leaf: change, add, drop or reorder one and the root changes.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The root over leaves given as their data (each hashed as a leaf here). */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256().digest();
        }
        return subtree(leaves, 0, leaves.size());
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int size = to - from;
        if (size == 1) {
            MessageDigest digest = sha256();
            digest.update((byte) 0x00);
            return digest.digest(leaves.get(from));
        }
        int split = Integer.highestOneBit(size - 1);
        MessageDigest digest = sha256();
        digest.update((byte) 0x01);
        digest.update(subtree(leaves, from, from + split));
        digest.update(subtree(leaves, from + split, to));
        return digest.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
