package nl.weerthuis.query.integrity;

import nl.weerthuis.kernel.integrity.ChainHeads;
import nl.weerthuis.kernel.integrity.Checkpoint;
import nl.weerthuis.kernel.integrity.SigningKey;
import nl.weerthuis.kernel.integrity.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Signs checkpoints of the event store: at a fixed cadence ({@code weerthuis.integrity.checkpoint-interval}) and on
 * demand. Each one is published three ways: its file in the checkpoint directory (for the operator to ship
 * elsewhere), a record in {@code integrity_checkpoint} (served at {@code /api/v1/integrity/checkpoints}), and the
 * application log.
 */
@Component
public class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(30);

    private final DataSource eventStore;
    private final JdbcTemplate events;
    private final JdbcTemplate readStore;
    private final CheckpointSettings settings;
    private final Clock clock;

    public record Signed(long id, String keyId, Instant createdAt, long globalPosition, long events, int aggregates,
                         String merkleRoot, String signature, String fileName, String signedFor) {
    }

    /** Why no checkpoint could be signed now; nothing was published. */
    public static class NotSigned extends RuntimeException {
        NotSigned(String reason) {
            super(reason);
        }
    }

    Checkpoints(@Qualifier("eventStoreDataSource") DataSource eventStore, JdbcTemplate readStore,
                CheckpointSettings settings) {
        this.eventStore = eventStore;
        this.events = new JdbcTemplate(eventStore);
        this.readStore = readStore;
        this.settings = settings;
        this.clock = Clock.systemUTC();
        if (settings.key().isEmpty()) {
            LOG.warn("No checkpoint signing key (weerthuis.integrity.signing-key): the event store is not anchored; "
                    + "a rewrite of its chains by someone with database access would go unnoticed");
        } else {
            LOG.info("Checkpoints signed with key {} every {}, written to {}", settings.key().get().id(),
                    settings.checkpointInterval(), settings.checkpointDirectory().toAbsolutePath());
        }
    }

    @Scheduled(initialDelayString = "${weerthuis.integrity.checkpoint-interval:PT1H}",
            fixedDelayString = "${weerthuis.integrity.checkpoint-interval:PT1H}")
    void onSchedule() {
        if (settings.key().isEmpty()) {
            return;
        }
        try {
            Long last = latest().map(Signed::globalPosition).orElse(null);
            Long current = events.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
            // Nothing appended since the last one: it still stands for the whole store.
            if (current == null || current.equals(last)) {
                return;
            }
            sign("schedule");
        } catch (NotSigned e) {
            LOG.error("No checkpoint signed this round: {}", e.getMessage());
        }
    }

    /** Signs and publishes a checkpoint of everything committed now. */
    public Signed sign(String signedFor) {
        SigningKey key = settings.key().orElseThrow(() -> new NotSigned("no checkpoint signing key is configured "
                + "(weerthuis.integrity.signing-key)"));
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Checkpoint checkpoint;
        try (Connection connection = eventStore.getConnection()) {
            long position = settledPosition(connection);
            ChainHeads heads = new ChainHeads();
            StoredEvents.stream(connection, position, heads);
            checkpoint = Checkpoint.sign(key, createdAt, position, heads.heads());
        } catch (SQLException e) {
            throw new NotSigned("the event store could not be read: " + e.getMessage());
        } catch (IllegalStateException brokenStore) {
            throw new NotSigned(brokenStore.getMessage());
        }
        try {
            write(checkpoint);
        } catch (UncheckedIOException e) {
            throw new NotSigned(e.getMessage());
        }
        Signed signed = record(checkpoint, signedFor);
        LOG.info("Checkpoint {} signed for {}: global position {}, {} aggregates, {} events, Merkle root {}, key {}, "
                        + "signature {}, file {}", signed.id(), signedFor, checkpoint.globalPosition(),
                checkpoint.heads().size(), checkpoint.events(), checkpoint.merkleRoot(), checkpoint.keyId(),
                checkpoint.signature(), settings.checkpointDirectory().resolve(checkpoint.fileName()));
        return signed;
    }

    public List<Signed> list(int limit) {
        return readStore.query("SELECT * FROM integrity_checkpoint ORDER BY id DESC LIMIT ?", (row, n) -> signed(row), limit);
    }

    public Optional<Signed> find(long id) {
        return readStore.query("SELECT * FROM integrity_checkpoint WHERE id = ?", (row, n) -> signed(row), id).stream().findFirst();
    }

    public Optional<Signed> latest() {
        return list(1).stream().findFirst();
    }

    /** The checkpoint's file as published, when it is in this instance's checkpoint directory. */
    public Optional<String> file(Signed signed) {
        Path file = settings.checkpointDirectory().resolve(signed.fileName());
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The highest position at which no event can still appear: global indexes are handed out before their
     * transaction commits, so a lower one may become visible after a higher one. Every transaction that was running
     * when the position was read must have ended before the events up to it are read.
     */
    private long settledPosition(Connection connection) throws SQLException {
        long position;
        String snapshot;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT coalesce(max(global_index), 0), pg_current_snapshot()::text "
                     + "FROM domain_event_entry")) {
            row.next();
            position = row.getLong(1);
            snapshot = row.getString(2);
        }
        Instant deadline = clock.instant().plus(IN_FLIGHT_WAIT);
        try (PreparedStatement finished = connection.prepareStatement("SELECT coalesce(bool_and("
                + "pg_visible_in_snapshot(x, pg_current_snapshot())), true) FROM pg_snapshot_xip(?::pg_snapshot) x")) {
            finished.setString(1, snapshot);
            while (true) {
                try (ResultSet row = finished.executeQuery()) {
                    row.next();
                    if (row.getBoolean(1)) {
                        return position;
                    }
                }
                if (clock.instant().isAfter(deadline)) {
                    throw new NotSigned("transactions that may still append below position " + position
                            + " did not end within " + IN_FLIGHT_WAIT.toSeconds() + " s");
                }
                try {
                    Thread.sleep(50); // polling PostgreSQL's view of running transactions, bounded by the deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NotSigned("interrupted");
                }
            }
        }
    }

    private void write(Checkpoint checkpoint) {
        try {
            Files.createDirectories(settings.checkpointDirectory());
            Path target = settings.checkpointDirectory().resolve(checkpoint.fileName());
            Path partial = settings.checkpointDirectory().resolve(checkpoint.fileName() + ".partial");
            Files.writeString(partial, checkpoint.toText(), StandardCharsets.UTF_8);
            // Whoever ships the directory never picks up half a file.
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint file to " + settings.checkpointDirectory(), e);
        }
    }

    private Signed record(Checkpoint checkpoint, String signedFor) {
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        readStore.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO integrity_checkpoint (key_id, created_at, global_position, events, aggregates, merkle_root,
                        signature, file_name, signed_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[]{"id"});
            insert.setString(1, checkpoint.keyId());
            insert.setTimestamp(2, Timestamp.from(checkpoint.createdAt()));
            insert.setLong(3, checkpoint.globalPosition());
            insert.setLong(4, checkpoint.events());
            insert.setInt(5, checkpoint.heads().size());
            insert.setString(6, checkpoint.merkleRoot());
            insert.setString(7, checkpoint.signature());
            insert.setString(8, checkpoint.fileName());
            insert.setString(9, signedFor.length() > 200 ? signedFor.substring(0, 200) : signedFor);
            return insert;
        }, id);
        return find(id.getKey().longValue()).orElseThrow();
    }

    private static Signed signed(ResultSet row) throws SQLException {
        return new Signed(row.getLong("id"), row.getString("key_id"), row.getTimestamp("created_at").toInstant(),
                row.getLong("global_position"), row.getLong("events"), row.getInt("aggregates"),
                row.getString("merkle_root").trim(), row.getString("signature"), row.getString("file_name"),
                row.getString("signed_for"));
    }
}
