package nl.weerthuis.command.web;

import org.axonframework.modelling.command.ConcurrencyException;

import java.sql.SQLException;

/**
 * A request that lost a race with another one on the same aggregate, possibly in another command-side instance: both
 * loaded the same version, the other appended first (Axon's {@link ConcurrencyException}, from the unique key on
 * aggregate and sequence number), or PostgreSQL chose it as the loser of a deadlock or serialization conflict
 * (SQLSTATE class 40). Nothing of it was stored; deciding it again on the stored version is safe.
 */
public final class LostRace {

    private static final String TRANSACTION_ROLLBACK_CLASS = "40";

    private LostRace() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(TRANSACTION_ROLLBACK_CLASS)) {
                return true;
            }
        }
        return false;
    }
}
