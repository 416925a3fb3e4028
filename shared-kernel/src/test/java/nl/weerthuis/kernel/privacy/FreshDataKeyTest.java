package nl.weerthuis.kernel.privacy;

import nl.weerthuis.testsupport.TestDatabase;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A client's first sealed write makes their data key in one statement (stored unless one is there, and what is there
 * read in the same statement) and uses it as made — not read back. A key another writer stored first is the one used;
 * an erased client gets no new key. A key whose row rolled back with its transaction is not used again.
 */
class FreshDataKeyTest {

    private static final byte[] KEY_ENCRYPTION_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final List<String> statements = new ArrayList<>();
    private String schema;
    private ConnectionProvider database;

    @BeforeEach
    void keyStore() throws Exception {
        TestDatabase test = TestDatabase.get();
        schema = "fresh_key_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = DriverManager.getConnection(test.url(), test.user(), test.password())) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        database = () -> counting(DriverManager.getConnection(test.url(schema), test.user(), test.password()));
        try (Connection connection = DriverManager.getConnection(test.url(schema), test.user(), test.password())) {
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
    void the_first_write_stores_the_key_it_made_and_uses_it_without_reading_it_back() {
        JdbcPersonalDataKeys keys = keys();
        SecretKey made = keys.forWriting("client-1");
        assertThat(statements).as("one statement: insert unless there, else read").hasSize(1);
        assertThat(statements.get(0)).startsWith("WITH made AS (INSERT");
        assertThat(keys.forWriting("client-1")).isEqualTo(made);
        assertThat(statements).as("then from the cache").hasSize(1);
        assertThat(keys().forReading("client-1")).as("the stored key is the one used").contains(made);
    }

    @Test
    void a_key_another_writer_stored_first_is_the_one_used_and_read_in_the_same_statement() {
        SecretKey first = keys().forWriting("client-3");
        statements.clear();
        JdbcPersonalDataKeys other = keys();
        assertThat(other.forWriting("client-3")).isEqualTo(first);
        assertThat(statements).as("the insert that found a row read it too").hasSize(1);
        assertThat(keys().forReading("client-3")).contains(first);
    }

    @Test
    void an_erased_client_gets_no_new_key() {
        JdbcPersonalDataKeys keys = keys();
        keys.forWriting("client-4");
        keys.erase("client-4");
        assertThatThrownBy(() -> keys().forWriting("client-4")).isInstanceOf(PersonalDataErasedException.class);
        assertThat(keys().forReading("client-4")).isEmpty();
    }

    @Test
    void a_key_whose_transaction_rolled_back_is_not_used_again() throws Exception {
        JdbcPersonalDataKeys keys = keys();
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        SecretKey rolledBack = keys.forWriting("client-2");
        unitOfWork.rollback();
        // What the rollback of the appending transaction does to the row (this test's connections commit each statement).
        try (Connection connection = database.getConnection()) {
            connection.createStatement().execute("DELETE FROM personal_data_key WHERE subject_id = 'client-2'");
        }
        SecretKey next = keys.forWriting("client-2");
        assertThat(next).isNotEqualTo(rolledBack);
        assertThat(keys().forReading("client-2")).contains(next);
    }

    private JdbcPersonalDataKeys keys() {
        return new JdbcPersonalDataKeys(database, KEY_ENCRYPTION_KEY, true, Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** The connection, noting the first word of every statement it prepares. */
    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        statements.add(((String) args[0]).strip());
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
