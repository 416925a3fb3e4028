package nl.weerthuis.command.eventstore;

import nl.weerthuis.testsupport.TestDatabase;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The exceptions PostgreSQL's driver really throws, from a batch as the event store appends: a second row with the
 * same aggregate and sequence number is a duplicate key, another failure is not. Axon's default resolver misses the
 * duplicate, which is why a race between two command-side instances used to answer 500.
 */
class PostgresDuplicateKeysTest {

    @Test
    void a_unique_violation_in_a_batch_is_a_duplicate_key_and_nothing_else_is() throws Exception {
        TestDatabase database = TestDatabase.get();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE appended (aggregate_identifier TEXT, sequence_number BIGINT, "
                    + "UNIQUE (aggregate_identifier, sequence_number))");
            statement.execute("INSERT INTO appended VALUES ('a', 0)");
            SQLException duplicate;
            try (PreparedStatement append = connection.prepareStatement("INSERT INTO appended VALUES (?, ?)")) {
                append.setString(1, "a");
                append.setLong(2, 0);
                append.addBatch();
                duplicate = catchThrowableOfType(append::executeBatch, SQLException.class);
            }
            SQLException other = catchThrowableOfType(() -> statement.execute("SELECT 1 / 0"), SQLException.class);

            assertThat(new PostgresDuplicateKeys().isDuplicateKeyViolation(duplicate)).isTrue();
            assertThat(new PostgresDuplicateKeys().isDuplicateKeyViolation(new IllegalStateException(duplicate))).isTrue();
            assertThat(new PostgresDuplicateKeys().isDuplicateKeyViolation(other)).isFalse();
            assertThat(new JdbcSQLErrorCodesResolver().isDuplicateKeyViolation(duplicate)).as("Axon's default").isFalse();
        }
    }
}
