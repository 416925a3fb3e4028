package nl.weerthuis.kernel.integrity;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A signed statement of where every aggregate's hash chain stood at one moment: the Merkle root over all chain
 * heads, the global position of the event store then, and the signature of a key kept outside the database. The
 * file form (see {@link #toText()}) is plain text an operator can ship anywhere and a verifier reads back.
 */
public record Checkpoint(String keyId, Instant createdAt, long globalPosition, long events, List<ChainHead> heads,
                         String merkleRoot, String signature) {

    static final String FORMAT = "weerthuis-checkpoint 1";

    public Checkpoint {
        heads = List.copyOf(heads);
    }

    /** Signs the heads (in any order: they are sorted by aggregate) as of {@code globalPosition}. */
    public static Checkpoint sign(SigningKey key, Instant createdAt, long globalPosition, List<ChainHead> heads) {
        List<ChainHead> sorted = heads.stream().sorted(Comparator.comparing(ChainHead::aggregateIdentifier)).toList();
        long events = sorted.stream().mapToLong(head -> head.sequenceNumber() + 1).sum();
        String root = rootOf(sorted);
        Checkpoint unsigned = new Checkpoint(key.id(), createdAt, globalPosition, events, sorted, root, null);
        return new Checkpoint(key.id(), createdAt, globalPosition, events, sorted, root, key.sign(unsigned.statement()));
    }

    public static String rootOf(List<ChainHead> heads) {
        return HexFormat.of().formatHex(MerkleTree.root(heads.stream().map(ChainHead::leaf).toList()));
    }

    /** What the signature covers: the header; the heads enter through the Merkle root. */
    public byte[] statement() {
        return (FORMAT + "\n"
                + "key-id: " + keyId + "\n"
                + "created-at: " + createdAt + "\n"
                + "global-position: " + globalPosition + "\n"
                + "events: " + events + "\n"
                + "aggregates: " + heads.size() + "\n"
                + "merkle-root: " + merkleRoot + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The checkpoint's own proof: the heads give the root, and the key of its id signed that root. */
    public boolean isAuthentic(PublicKeys trusted) {
        return rootOf(heads).equals(merkleRoot)
                && events == heads.stream().mapToLong(head -> head.sequenceNumber() + 1).sum()
                && trusted.verifies(keyId, statement(), signature);
    }

    public String fileName() {
        return "checkpoint-" + createdAt.toString().replace(":", "").replace(".", "") + "-" + globalPosition + ".txt";
    }

    /** The header, the signature, a blank line, then one line per head: aggregate, sequence, hash, locator. */
    public String toText() {
        StringBuilder text = new StringBuilder(new String(statement(), StandardCharsets.UTF_8));
        text.append("signature: ").append(signature).append("\n\n");
        Base64.Encoder base64 = Base64.getEncoder();
        for (ChainHead head : heads) {
            text.append(URLEncoder.encode(head.aggregateIdentifier(), StandardCharsets.UTF_8)).append(' ')
                    .append(head.sequenceNumber()).append(' ').append(head.hash()).append(' ')
                    .append(base64.encodeToString(head.locator())).append('\n');
        }
        return text.toString();
    }

    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 9 || !FORMAT.equals(lines[0])) {
            throw new IllegalArgumentException("not a Weer Thuis checkpoint (it must start with \"" + FORMAT + "\")");
        }
        String keyId = field(lines[1], "key-id");
        Instant createdAt = Instant.parse(field(lines[2], "created-at"));
        long position = Long.parseLong(field(lines[3], "global-position"));
        long events = Long.parseLong(field(lines[4], "events"));
        int aggregates = Integer.parseInt(field(lines[5], "aggregates"));
        String root = field(lines[6], "merkle-root");
        String signature = field(lines[7], "signature");
        if (!lines[8].isEmpty()) {
            throw new IllegalArgumentException("a blank line must follow the checkpoint's signature");
        }
        List<ChainHead> heads = new ArrayList<>(aggregates);
        Base64.Decoder base64 = Base64.getDecoder();
        for (int i = 9; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] parts = lines[i].split(" ");
            if (parts.length != 4) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not \"aggregate sequence hash locator\"");
            }
            heads.add(new ChainHead(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), Long.parseLong(parts[1]),
                    parts[2], base64.decode(parts[3])));
        }
        if (heads.size() != aggregates) {
            throw new IllegalArgumentException("the checkpoint names " + aggregates + " aggregates but lists " + heads.size());
        }
        return new Checkpoint(keyId, createdAt, position, events, heads, root, signature);
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + ": ")) {
            throw new IllegalArgumentException("expected \"" + name + ": …\" in the checkpoint, found \"" + line + "\"");
        }
        return line.substring(name.length() + 2).trim();
    }
}
