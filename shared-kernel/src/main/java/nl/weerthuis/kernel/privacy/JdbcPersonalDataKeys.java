package nl.weerthuis.kernel.privacy;

import org.axonframework.common.jdbc.ConnectionProvider;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Data keys in table {@code personal_data_key} of the event store database, each wrapped (AES-GCM) with the
 * installation's key-encryption key, so a copy of the database alone decrypts nothing. Connections come from a
 * {@link ConnectionProvider}: on the command side the one of the appending transaction, so a new key commits
 * together with the first events it protects.
 * <p>
 * Keys are cached briefly: long enough for a replay to decrypt at speed, short enough that an erasure by another
 * instance takes effect everywhere within {@code cacheFor}.
 */
public class JdbcPersonalDataKeys implements PersonalDataKeys {

    private static final int MAX_CACHED = 50_000;

    private final ConnectionProvider connections;
    private final SecretKey keyEncryptionKey;
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
        if (keyEncryptionKey == null || keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (AES-256)");
        }
        this.connections = connections;
        this.keyEncryptionKey = new SecretKeySpec(keyEncryptionKey, "AES");
        this.mayCreate = mayCreate;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Optional<SecretKey> forReading(String subject) {
        return lookup(subject).key();
    }

    @Override
    public SecretKey forWriting(String subject) {
        Cached found = lookup(subject);
        if (found.erased()) {
            throw new PersonalDataErasedException(subject);
        }
        if (found.key().isPresent()) {
            return found.key().get();
        }
        if (!mayCreate) {
            throw new IllegalStateException("this application reads personal data keys, it does not make them");
        }
        create(subject);
        cache.remove(subject);
        Cached created = lookup(subject);
        if (created.erased()) {
            throw new PersonalDataErasedException(subject);
        }
        return created.key().orElseThrow();
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

    private Cached lookup(String subject) {
        Instant now = clock.instant();
        Cached cached = cache.get(subject);
        if (cached != null && cached.until().isAfter(now)) {
            return cached;
        }
        Cached loaded = load(subject, now.plus(cacheFor));
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
                     "SELECT wrapped_key, erased_at FROM personal_data_key WHERE subject_id = ?")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new Cached(Optional.empty(), false, until);
                }
                byte[] wrapped = row.getBytes("wrapped_key");
                boolean erased = row.getTimestamp("erased_at") != null;
                return new Cached(wrapped == null || erased ? Optional.empty() : Optional.of(unwrap(subject, wrapped)),
                        erased, until);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the personal data key", e);
        }
    }

    private void create(String subject) {
        byte[] wrapped = wrap(subject, newDataKey());
        // Two first writes for one client may race; the second inserts nothing and reads the first one's key.
        try (Connection connection = connections.getConnection()) {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            // On PostgreSQL a duplicate key would abort the whole appending transaction, so it must not occur.
            String sql = postgres
                    ? "INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
                    : """
                      INSERT INTO personal_data_key (subject_id, wrapped_key, created_at)
                      SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM personal_data_key WHERE subject_id = ?)""";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, subject);
                insert.setBytes(2, wrapped);
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                if (!postgres) {
                    insert.setString(4, subject);
                }
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("could not store a personal data key", e);
            }
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
            throw new IllegalStateException("could not erase the personal data key", e);
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

    private byte[] wrap(String subject, SecretKey dataKey) {
        try {
            return AesGcm.encrypt(keyEncryptionKey, dataKey.getEncoded(), aad(subject));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not wrap a personal data key", e);
        }
    }

    private SecretKey unwrap(String subject, byte[] wrapped) {
        try {
            return new SecretKeySpec(AesGcm.decrypt(keyEncryptionKey, wrapped, aad(subject)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a personal data key does not open with this installation's "
                    + "key-encryption key (wrong key configured, or the row was tampered with)", e);
        }
    }

    // Binding the subject into the wrapping means a key row copied onto another client does not open.
    private static byte[] aad(String subject) {
        return ("personal-data-key:" + subject).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
