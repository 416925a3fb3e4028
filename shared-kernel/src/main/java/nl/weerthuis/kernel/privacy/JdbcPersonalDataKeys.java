package nl.weerthuis.kernel.privacy;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys in table {@code personal_data_key} of the event store database, each wrapped (AES-GCM) with the
 * installation's key-encryption key, so a copy of the database alone decrypts nothing. Each row records the id of
 * the key-encryption key that wrapped it, so the key-encryption key can be rotated while the system runs: rows
 * wrapped by a previous key still open, and {@link #rewrap()} moves them to the current one. Connections come from a
 * {@link ConnectionProvider}: on the command side the one of the appending transaction, so a new key commits
 * together with the first events it protects.
 * <p>
 * Keys are cached briefly: long enough for a replay to decrypt at speed, short enough that an erasure by another
 * instance takes effect everywhere within {@code cacheFor}.
 */
public class JdbcPersonalDataKeys implements PersonalDataKeys {

    private static final int MAX_CACHED = 50_000;

    private final ConnectionProvider connections;
    private final KeyEncryptionKeys keyEncryptionKeys;
    private final boolean mayCreate;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<SecretKey> key, boolean erased, Instant until) {
    }

    /**
     * @param keyEncryptionKey 32 bytes (AES-256)
     * @param mayCreate        false on the query side, which only reads
     */
    public JdbcPersonalDataKeys(ConnectionProvider connections, byte[] keyEncryptionKey, boolean mayCreate,
                                Duration cacheFor, Clock clock) {
        this(connections, KeyEncryptionKeys.of(keyEncryptionKey), mayCreate, cacheFor, clock);
    }

    public JdbcPersonalDataKeys(ConnectionProvider connections, KeyEncryptionKeys keyEncryptionKeys, boolean mayCreate,
                                Duration cacheFor, Clock clock) {
        this.connections = connections;
        this.keyEncryptionKeys = keyEncryptionKeys;
        this.mayCreate = mayCreate;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** What a re-wrapping did: keys moved to the current key-encryption key, and how many still are not. */
    public record Rewrapped(String keyEncryptionKey, int rewrapped, long remaining) {
    }

    @Override
    public Optional<SecretKey> forReading(String subject) {
        return lookup(subject).key();
    }

    @Override
    public SecretKey forWriting(String subject) {
        Cached found = cached(subject);
        if (found == null && mayCreate) {
            SecretKey fresh = newDataKey();
            Created created = create(subject, fresh);
            if (created.ours()) {
                // Ours is the row: no need to read back what was just written (a round trip on every first write).
                // Should the appending transaction roll back, the row is gone, and so must the cached key be.
                cache.put(subject, new Cached(Optional.of(fresh), false, clock.instant().plus(cacheFor)));
                CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().onRollback(rolledBack -> cache.remove(subject)));
                return fresh;
            }
            found = created.existing();
            if (found != null && (found.key().isPresent() || found.erased())) {
                cache.put(subject, found);
            }
        }
        if (found == null) {
            found = lookup(subject);
        }
        if (found.erased()) {
            throw new PersonalDataErasedException(subject);
        }
        if (found.key().isPresent()) {
            return found.key().get();
        }
        if (!mayCreate) {
            throw new IllegalStateException("this application reads personal data keys, it does not make them");
        }
        throw new IllegalStateException("no personal data key for " + subject + " after making one");
    }

    @Override
    public boolean erase(String subject) {
        cache.remove(subject);
        Timestamp now = Timestamp.from(clock.instant());
        return update("""
                UPDATE personal_data_key SET wrapped_key = NULL, erased_at = ? WHERE subject_id = ? AND erased_at IS NULL""",
                now, subject) > 0 || insertTombstone(subject, now);
    }

    @Override
    public void forget(String subject) {
        cache.remove(subject);
    }

    /** The cached entry while it is fresh, else null. */
    private Cached cached(String subject) {
        Cached cached = cache.get(subject);
        return cached != null && cached.until().isAfter(clock.instant()) ? cached : null;
    }

    private Cached lookup(String subject) {
        Cached cached = cached(subject);
        if (cached != null) {
            return cached;
        }
        Cached loaded = load(subject, clock.instant().plus(cacheFor));
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        // Only known keys are cached: an absent one may be made a moment later by another transaction.
        if (loaded.key().isPresent() || loaded.erased()) {
            cache.put(subject, loaded);
        }
        return loaded;
    }

    private Cached load(String subject, Instant until) {
        try (Connection connection = connections.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT wrapped_key, erased_at, kek_id FROM personal_data_key WHERE subject_id = ?")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Cached(Optional.empty(), false, until);
                }
                return cached(subject, row, until);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the personal data key", e);
        }
    }

    private Cached cached(String subject, ResultSet row, Instant until) throws SQLException {
        byte[] wrapped = row.getBytes("wrapped_key");
        boolean erased = row.getTimestamp("erased_at") != null;
        return new Cached(wrapped == null || erased ? Optional.empty() : Optional.of(unwrap(subject, wrapped, row.getString("kek_id"))),
                erased, until);
    }

    /**
     * What storing a new key found: {@code ours} when this call stored it; else the row that was there first (another
     * transaction's key, or an erasure), or null when that row is not visible yet to this statement.
     */
    private record Created(boolean ours, Cached existing) {
    }

    /**
     * Stores the key unless the subject has a row; on PostgreSQL in the same statement reads the row that was there
     * instead, so a first write (the common case: a registration) costs one round trip, not a look and an insert.
     */
    private Created create(String subject, SecretKey dataKey) {
        byte[] wrapped = wrap(subject, dataKey);
        String kekId = keyEncryptionKeys.currentId();
        Timestamp now = Timestamp.from(clock.instant());
        // Two first writes for one client may race; the second inserts nothing and uses the first one's key.
        try (Connection connection = connections.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return new Created(insertWhereAbsent(connection, subject, wrapped, now, kekId), null);
            }
            // On PostgreSQL a duplicate key would abort the whole appending transaction, so it must not occur. The
            // outer SELECT sees the table as before the insert: the row it returns is one that was there already.
            try (PreparedStatement statement = connection.prepareStatement("""
                    WITH made AS (INSERT INTO personal_data_key (subject_id, wrapped_key, created_at, kek_id)
                                  VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING subject_id)
                    SELECT true AS made, NULL::bytea AS wrapped_key, NULL::timestamptz AS erased_at, NULL::varchar AS kek_id FROM made
                    UNION ALL
                    SELECT false, wrapped_key, erased_at, kek_id FROM personal_data_key WHERE subject_id = ?""")) {
                statement.setString(1, subject);
                statement.setBytes(2, wrapped);
                statement.setTimestamp(3, now);
                statement.setString(4, kekId);
                statement.setString(5, subject);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return new Created(false, null);
                    }
                    return row.getBoolean("made") ? new Created(true, null)
                            : new Created(false, cached(subject, row, clock.instant().plus(cacheFor)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a personal data key", e);
        }
    }

    private static boolean insertWhereAbsent(Connection connection, String subject, byte[] wrapped, Timestamp now,
                                             String kekId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO personal_data_key (subject_id, wrapped_key, created_at, kek_id)
                SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM personal_data_key WHERE subject_id = ?)""")) {
            insert.setString(1, subject);
            insert.setBytes(2, wrapped);
            insert.setTimestamp(3, now);
            insert.setString(4, kekId);
            insert.setString(5, subject);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            return false;
        }
    }

    private boolean insertTombstone(String subject, Timestamp now) {
        return update("""
                INSERT INTO personal_data_key (subject_id, erased_at, created_at)
                SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM personal_data_key WHERE subject_id = ?)""",
                subject, now, now, subject) > 0;
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the personal data keys", e);
        }
    }

    private static SecretKey newDataKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Re-wraps every data key not yet under the current key-encryption key, a row at a time in its own statement,
     * while the system runs: readers open a row under either key meanwhile. A row erased in between is left erased
     * (the update only replaces the wrapping it read). Run it once every application knows the new key.
     */
    public Rewrapped rewrap() {
        String current = keyEncryptionKeys.currentId();
        int rewrapped = 0;
        String after = "";
        while (true) {
            List<String[]> batch = new ArrayList<>();
            List<byte[]> wrappings = new ArrayList<>();
            try (Connection connection = connections.getConnection();
                 PreparedStatement select = connection.prepareStatement("""
                         SELECT subject_id, wrapped_key, kek_id FROM personal_data_key
                         WHERE wrapped_key IS NOT NULL AND (kek_id IS NULL OR kek_id <> ?) AND subject_id > ?
                         ORDER BY subject_id LIMIT 500""")) {
                select.setString(1, current);
                select.setString(2, after);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        batch.add(new String[]{rows.getString(1), rows.getString(3)});
                        wrappings.add(rows.getBytes(2));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the personal data keys to re-wrap", e);
            }
            if (batch.isEmpty()) {
                return new Rewrapped(current, rewrapped, remaining(current));
            }
            for (int i = 0; i < batch.size(); i++) {
                String subject = batch.get(i)[0];
                SecretKey dataKey = unwrap(subject, wrappings.get(i), batch.get(i)[1]);
                rewrapped += update("""
                        UPDATE personal_data_key SET wrapped_key = ?, kek_id = ? WHERE subject_id = ? AND wrapped_key = ?""",
                        wrap(subject, dataKey), current, subject, wrappings.get(i));
                after = subject;
            }
        }
    }

    private long remaining(String current) {
        try (Connection connection = connections.getConnection();
             PreparedStatement count = connection.prepareStatement("""
                     SELECT count(*) FROM personal_data_key WHERE wrapped_key IS NOT NULL AND (kek_id IS NULL OR kek_id <> ?)""")) {
            count.setString(1, current);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the personal data keys", e);
        }
    }

    private byte[] wrap(String subject, SecretKey dataKey) {
        try {
            return AesGcm.encrypt(new SecretKeySpec(keyEncryptionKeys.current(), "AES"), dataKey.getEncoded(), aad(subject));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap a personal data key", e);
        }
    }

    /** Under the key the row names; a row from before keys were named, under whichever configured key opens it. */
    private SecretKey unwrap(String subject, byte[] wrapped, String kekId) {
        List<byte[]> candidates = kekId == null ? keyEncryptionKeys.all()
                : keyEncryptionKeys.byId(kekId).map(List::of).orElseThrow(() -> new IllegalStateException(
                "a personal data key is wrapped with key-encryption key " + kekId + ", which is not configured "
                        + "(weerthuis.privacy.key-encryption-key or previous-key-encryption-keys)"));
        for (byte[] candidate : candidates) {
            try {
                return new SecretKeySpec(AesGcm.decrypt(new SecretKeySpec(candidate, "AES"), wrapped, aad(subject)), "AES");
            } catch (GeneralSecurityException wrongKey) {
                // the next candidate, if any
            }
        }
        throw new IllegalStateException("a personal data key does not open with this installation's "
                + "key-encryption key (wrong key configured, or the row was tampered with)");
    }

    // Binding the subject into the wrapping means a key row copied onto another client does not open.
    private static byte[] aad(String subject) {
        return ("personal-data-key:" + subject).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
