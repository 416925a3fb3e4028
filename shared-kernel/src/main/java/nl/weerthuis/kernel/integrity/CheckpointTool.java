package nl.weerthuis.kernel.integrity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The offline checkpoint verifier ({@code ./weerthuis verify}) and the key helper of the launcher. It needs no
 * running application: only a checkpoint file, the public keys the operator trusts and a JDBC connection to the
 * event store (the live one, or a restored dump).
 * <pre>
 *   verify --checkpoint FILE --public-keys FILE --db-url URL [--db-user U] [--schema S]   (password: WEERTHUIS_DB_PASSWORD)
 *   public-key                                   reads a signing key (base64 seed) on stdin, prints its public key
 * </pre>
 * Exit status: 0 every covered event is unchanged, 1 not so (or the checkpoint is not authentic), 2 usage.
 */
public final class CheckpointTool {

    private CheckpointTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** The exit status; the database password comes from {@code env} (WEERTHUIS_DB_PASSWORD), never an argument. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            if (args.length > 0 && args[0].equals("public-key")) {
                SigningKey key = SigningKey.fromSeed(new String(System.in.readAllBytes(), StandardCharsets.US_ASCII));
                out.println(key.publicKey() + "  # key-id " + key.id());
                return 0;
            }
            if (args.length > 0 && args[0].equals("verify")) {
                return verify(options(args), env, out);
            }
            err.println("usage: verify --checkpoint FILE --public-keys FILE --db-url URL [--db-user USER] [--schema SCHEMA]"
                    + " | public-key < SEED");
            return 2;
        } catch (IllegalArgumentException | IOException | SQLException e) {
            err.println("weerthuis verify: " + e.getMessage());
            return 2;
        }
    }

    private static int verify(Map<String, String> options, Map<String, String> env, PrintStream out) throws IOException, SQLException {
        Checkpoint checkpoint = Checkpoint.parse(Files.readString(Path.of(required(options, "checkpoint"))));
        PublicKeys trusted = PublicKeys.parse(Files.readAllLines(Path.of(required(options, "public-keys"))));
        String schema = options.getOrDefault("schema", "event_store");
        if (!schema.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("--schema must be a plain schema name");
        }
        CheckpointVerification verification = new CheckpointVerification(checkpoint, trusted);
        try (Connection connection = DriverManager.getConnection(required(options, "db-url"),
                options.getOrDefault("db-user", "postgres"), env.getOrDefault("WEERTHUIS_DB_PASSWORD", ""))) {
            connection.createStatement().execute("SET search_path TO " + schema);
            connection.setReadOnly(true);
            StoredEvents.stream(connection, null, verification);
        }
        CheckpointVerification.Verdict verdict = verification.verdict();
        out.println("checkpoint " + checkpoint.createdAt() + ", global position " + checkpoint.globalPosition() + ", "
                + checkpoint.heads().size() + " aggregates, " + checkpoint.events() + " events, signed by key "
                + checkpoint.keyId());
        if (!verdict.authentic()) {
            out.println("NOT AUTHENTIC: the checkpoint was not signed by a trusted key, or the file was altered; "
                    + "it proves nothing");
            return 1;
        }
        if (verdict.unchanged()) {
            out.println("VERIFIED: all " + verdict.eventsChecked() + " events the checkpoint covers are unchanged");
            return 0;
        }
        CheckpointVerification.Finding first = verdict.first();
        out.println("CHANGED: " + verdict.findings().size() + " aggregate(s) differ from the checkpoint; the first event "
                + "that is not as signed:");
        out.println("  aggregate " + first.aggregateIdentifier() + ", sequence " + first.sequenceNumber()
                + (first.eventIdentifier() == null ? "" : ", event " + first.eventIdentifier())
                + (first.globalIndex() == null ? "" : ", global index " + first.globalIndex()));
        out.println("  " + first.reason());
        for (CheckpointVerification.Finding other : verdict.findings().subList(1, Math.min(verdict.findings().size(), 20))) {
            out.println("  also: aggregate " + other.aggregateIdentifier() + ", sequence " + other.sequenceNumber()
                    + ": " + other.reason());
        }
        return 1;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, found " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
