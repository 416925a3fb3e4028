package nl.weerthuis.command.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon when an append lost the race for an aggregate's next sequence number: PostgreSQL's unique_violation
 * (SQLSTATE 23505) on {@code (aggregate_identifier, sequence_number)}. Axon's default for the JDBC engine only knows
 * {@link java.sql.SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so a conflict
 * between two command-side instances would surface as an {@code EventStoreException} (a 5xx) instead of Axon's
 * {@code ConcurrencyException}; with this the conflict is a conflict, and a duplicate snapshot is ignored as meant.
 */
public final class PostgresDuplicateKeys implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    // A batch's failure names the statement that failed as its next exception.
    private static boolean isUniqueViolation(SQLException sql) {
        for (SQLException current = sql; current != null; current = current.getNextException()) {
            if (UNIQUE_VIOLATION.equals(current.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
