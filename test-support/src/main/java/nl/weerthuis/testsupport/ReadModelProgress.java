package nl.weerthuis.testsupport;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Has the read model seen everything stored so far?", asked of the database instead of guessed with a sleep: every
 * segment's tracking token of a processor (table {@code query_token_entry}) has reached the event store's head.
 * The connection must see both the read store and the event store (the query side's search path does).
 */
public final class ReadModelProgress {

    /** Positions in Axon's Jackson-serialised tokens: GapAware ({@code index}), GlobalSequence, Replay and Merged. */
    private static final Pattern POSITION = Pattern.compile("\"(?:index|globalIndex)\"\\s*:\\s*(\\d+)");

    private ReadModelProgress() {
    }

    public static void awaitCaughtUp(DataSource readStore, String processor, Duration limit) {
        Instant until = Instant.now().plus(limit);
        long head = head(readStore);
        while (true) {
            long position = slowestSegment(readStore, processor);
            if (position >= head) {
                return;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("processor " + processor + " reached " + position + " of " + head + " within " + limit);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(20); // a poll interval with a deadline above, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The lowest position any segment of the processor has reached; -1 when a segment has none yet. */
    public static long slowestSegment(DataSource readStore, String processor) {
        try (Connection connection = readStore.getConnection();
             var statement = connection.prepareStatement("SELECT token FROM query_token_entry WHERE processor_name = ?")) {
            statement.setString(1, processor);
            long slowest = Long.MAX_VALUE;
            boolean any = false;
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    any = true;
                    byte[] token = rows.getBytes(1);
                    slowest = Math.min(slowest, token == null ? -1 : position(token).orElse(-1));
                }
            }
            return any ? slowest : -1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The smallest position named in a token: for a replay or merged token, the part still behind. */
    static OptionalLong position(byte[] token) {
        Matcher matcher = POSITION.matcher(new String(token, StandardCharsets.UTF_8));
        long lowest = Long.MAX_VALUE;
        while (matcher.find()) {
            lowest = Math.min(lowest, Long.parseLong(matcher.group(1)));
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    private static long head(DataSource readStore) {
        try (Connection connection = readStore.getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT coalesce(max(global_index), -1) FROM domain_event_entry")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
