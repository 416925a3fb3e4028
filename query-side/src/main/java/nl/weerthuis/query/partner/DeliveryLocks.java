package nl.weerthuis.query.partner;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Which subscriptions this instance delivers to: a PostgreSQL session-level advisory lock per subscription, all held
 * on one connection of this instance's own. A lease that must run out would hold a crashed instance's subscriptions
 * back for its whole length; a session's locks end with its connection, which the operating system closes the moment
 * the process dies, so a restarted instance (or another one) takes the subscription over at its next poll. And never
 * two at once: PostgreSQL grants a lock to one session only, and a worker asks {@link #holds} before every call, so
 * an instance that lost its session (and with it its locks) stops after the call it is in.
 */
@Component
class DeliveryLocks {

    private static final Logger log = LoggerFactory.getLogger(DeliveryLocks.class);
    /** The first half of every key, so these locks never meet another use of advisory locks in the database. */
    private static final int PARTNER_DELIVERY = 0x50445356;

    private final HikariDataSource dataSource;
    private Connection session;
    private final Set<String> held = new HashSet<>();

    DeliveryLocks(@Qualifier("readStore") HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this instance now delivers to the subscription, until {@link #release}. */
    synchronized boolean tryAcquire(String subscription) {
        if (held.contains(subscription)) {
            return false; // a session's advisory locks are re-entrant: one worker per subscription is this set's job
        }
        try (PreparedStatement lock = session().prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            lock.setInt(1, PARTNER_DELIVERY);
            lock.setString(2, subscription);
            try (ResultSet row = lock.executeQuery()) {
                if (row.next() && row.getBoolean(1)) {
                    held.add(subscription);
                    return true;
                }
                return false;
            }
        } catch (SQLException e) {
            lost(e);
            return false;
        }
    }

    /** Whether the lock is still this instance's: its session is alive (a lock held is only ever released by us). */
    synchronized boolean holds(String subscription) {
        if (!held.contains(subscription)) {
            return false;
        }
        try {
            if (session.isValid(5)) {
                return true;
            }
            lost(null);
        } catch (SQLException e) {
            lost(e);
        }
        return false;
    }

    synchronized void release(String subscription) {
        if (!held.remove(subscription)) {
            return;
        }
        try (PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
            unlock.setInt(1, PARTNER_DELIVERY);
            unlock.setString(2, subscription);
            unlock.execute();
        } catch (SQLException e) {
            lost(e);
        }
    }

    private Connection session() throws SQLException {
        if (session == null) {
            session = dataSource.getConnection();
            session.setAutoCommit(true);
        }
        return session;
    }

    /** The session is gone and its locks with it: every worker stops at its next {@link #holds}. */
    private void lost(SQLException cause) {
        log.warn("the partner delivery lock session was lost; its subscriptions are picked up again", cause);
        held.clear();
        close();
    }

    /** The session ends for good (never back into the pool, which would keep its locks held): its locks with it. */
    @PreDestroy
    synchronized void close() {
        if (session != null) {
            dataSource.evictConnection(session);
            session = null;
        }
    }
}
