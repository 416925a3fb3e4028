package nl.weerthuis.kernel.privacy;

import nl.weerthuis.testsupport.TestDatabase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the key-encryption key on PostgreSQL while texts are being read and written: old rows keep opening under
 * the previous key, new ones are wrapped under the new key, re-wrapping moves every row over (and leaves erased
 * ones erased), after which the old key can go.
 */
class KeyRotationTest {

    private static final byte[] OLD = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    private ConnectionProvider database;
    private String schema;

    @BeforeEach
    void keyStore() throws Exception {
        TestDatabase test = TestDatabase.get();
        schema = "rotation_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(test.url(), test.user(), test.password())) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        database = () -> DriverManager.getConnection(test.url(schema), test.user(), test.password());
        try (Connection connection = database.getConnection()) {
            for (String migration : List.of("V3__personal_data_keys.sql", "V40__key_encryption_key_id.sql")) {
                connection.createStatement().execute(Files.readString(Path.of(getClass()
                        .getResource("/db/eventstore/" + migration).toURI())));
            }
        }
    }

    @AfterEach
    void dropSchema() throws Exception {
        TestDatabase test = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(test.url(), test.user(), test.password())) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void the_key_encryption_key_is_rotated_without_losing_or_reviving_anything() throws Exception {
        PersonalDataCipher before = cipher(KeyEncryptionKeys.of(OLD), true);
        String jan = before.seal("client-jan", "Jan Jansen");
        String piet = before.seal("client-piet", "Piet Pietersen");
        String erased = before.seal("client-erased", "Gone Forever");
        // A row from before keys were named: it opens with whichever configured key fits.
        update("UPDATE personal_data_key SET kek_id = NULL WHERE subject_id = 'client-piet'");
        assertThat(kekIds()).containsExactly(KeyEncryptionKeys.idOf(OLD), KeyEncryptionKeys.idOf(OLD), null);

        // Step 1: every application gets the new key as current and the old one as previous.
        KeyEncryptionKeys rotating = new KeyEncryptionKeys(NEW, List.of(OLD));
        PersonalDataCipher during = cipher(rotating, true);
        assertThat(during.open(jan)).isEqualTo("Jan Jansen");
        assertThat(during.open(piet)).isEqualTo("Piet Pietersen");
        String anna = during.seal("client-anna", "Anna de Vries");
        assertThat(kekId("client-anna")).isEqualTo(KeyEncryptionKeys.idOf(NEW));
        assertThat(cipher(KeyEncryptionKeys.of(OLD), false).open(jan)).as("the old installation still reads old rows")
                .isEqualTo("Jan Jansen");
        assertThat(during.keys().erase("client-erased")).isTrue();

        // Step 2: re-wrap, while the system runs.
        JdbcPersonalDataKeys.Rewrapped result = keys(rotating, true).rewrap();
        assertThat(result.rewrapped()).isEqualTo(2);
        assertThat(result.remaining()).isZero();
        assertThat(result.keyEncryptionKey()).isEqualTo(KeyEncryptionKeys.idOf(NEW));
        assertThat(keys(rotating, true).rewrap().rewrapped()).as("nothing left to do the second time").isZero();

        // Step 3: the old key is gone; everything opens with the new one alone, the erased stays erased.
        PersonalDataCipher after = cipher(KeyEncryptionKeys.of(NEW), false);
        assertThat(after.open(jan)).isEqualTo("Jan Jansen");
        assertThat(after.open(piet)).isEqualTo("Piet Pietersen");
        assertThat(after.open(anna)).isEqualTo("Anna de Vries");
        assertThat(after.open(erased)).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(List.of(kekId("client-jan"), kekId("client-piet"), kekId("client-anna")))
                .containsOnly(KeyEncryptionKeys.idOf(NEW));
        assertThat(wrappedKeyOf("client-erased")).isNull();
        assertThatThrownBy(() -> cipher(KeyEncryptionKeys.of(OLD), false).open(jan))
                .as("the old key opens nothing any more").hasMessageContaining("not configured");
    }

    @Test
    void a_previous_key_that_is_not_configured_is_named_not_guessed() {
        String jan = cipher(KeyEncryptionKeys.of(OLD), true).seal("client-jan", "Jan Jansen");
        assertThatThrownBy(() -> cipher(KeyEncryptionKeys.of(NEW), false).open(jan))
                .hasMessageContaining(KeyEncryptionKeys.idOf(OLD));
        assertThatThrownBy(() -> keys(KeyEncryptionKeys.of(NEW), true).rewrap())
                .hasMessageContaining(KeyEncryptionKeys.idOf(OLD));
    }

    @Test
    void secrets_sealed_under_the_previous_key_still_open_and_its_hashes_still_match() {
        SecretBox old = new SecretBox(KeyEncryptionKeys.of(OLD), "partner-callback-credentials");
        String sealed = old.seal("Bearer s3cret");
        String hash = old.hash("a request");
        SecretBox rotating = new SecretBox(new KeyEncryptionKeys(NEW, List.of(OLD)), "partner-callback-credentials");

        assertThat(rotating.open(sealed)).isEqualTo("Bearer s3cret");
        assertThat(rotating.isCurrent(sealed)).isFalse();
        assertThat(rotating.isCurrent(rotating.seal("Bearer s3cret"))).isTrue();
        assertThat(rotating.hashes("a request")).contains(hash).first().isNotEqualTo(hash);
        assertThatThrownBy(() -> new SecretBox(KeyEncryptionKeys.of(NEW), "partner-callback-credentials").open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    private PersonalDataCipher cipher(KeyEncryptionKeys keys, boolean mayCreate) {
        return new PersonalDataCipher(keys(keys, mayCreate));
    }

    private JdbcPersonalDataKeys keys(KeyEncryptionKeys keys, boolean mayCreate) {
        return new JdbcPersonalDataKeys(database, keys, mayCreate, Duration.ZERO, Clock.systemUTC());
    }

    private void update(String sql) throws Exception {
        try (Connection connection = database.getConnection()) {
            connection.createStatement().executeUpdate(sql);
        }
    }

    private String kekId(String subject) throws Exception {
        try (Connection connection = database.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT kek_id FROM personal_data_key WHERE subject_id = '" + subject + "'")) {
            row.next();
            return row.getString(1);
        }
    }

    private byte[] wrappedKeyOf(String subject) throws Exception {
        try (Connection connection = database.getConnection();
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT wrapped_key FROM personal_data_key WHERE subject_id = '" + subject + "'")) {
            row.next();
            return row.getBytes(1);
        }
    }

    private List<String> kekIds() throws Exception {
        try (Connection connection = database.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT kek_id FROM personal_data_key ORDER BY subject_id")) {
            java.util.ArrayList<String> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }
}
