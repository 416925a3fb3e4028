package nl.weerthuis.query.partner;

import com.zaxxer.hikari.HikariDataSource;
import nl.weerthuis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances' locks on one database: one delivers to a subscription at a time, and when an instance's session
 * dies (as when the process is killed) its subscriptions are free at once, and it knows it no longer holds them.
 */
class DeliveryLocksTest {

    private final HikariDataSource firstPool = pool(), secondPool = pool();
    private final DeliveryLocks first = new DeliveryLocks(firstPool), second = new DeliveryLocks(secondPool);
    private final String subscription = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        first.close();
        second.close();
        firstPool.close();
        secondPool.close();
    }

    @Test
    void one_instance_at_a_time_and_the_next_once_the_first_releases() {
        assertThat(first.tryAcquire(subscription)).isTrue();
        assertThat(second.tryAcquire(subscription)).as("held by the first").isFalse();
        assertThat(first.tryAcquire(subscription)).as("and by one worker of the first").isFalse();
        assertThat(second.tryAcquire(UUID.randomUUID().toString())).as("another subscription is free").isTrue();
        first.release(subscription);
        assertThat(first.holds(subscription)).isFalse();
        assertThat(second.tryAcquire(subscription)).isTrue();
    }

    @Test
    void a_dead_session_frees_its_subscriptions_at_once_and_its_instance_stops() throws Exception {
        assertThat(first.tryAcquire(subscription)).isTrue();
        assertThat(first.holds(subscription)).isTrue();
        // What a kill -9 does to the instance's connection: the server ends the session, and its locks with it.
        try (Connection admin = firstPool.getConnection(); Statement statement = admin.createStatement();
             ResultSet ended = statement.executeQuery("""
                     SELECT pg_terminate_backend(pid) FROM pg_locks
                     WHERE locktype = 'advisory' AND classid = 1346655062 AND objid = hashtext('%s')::oid"""
                     .formatted(subscription))) {
            assertThat(ended.next()).as("the lock is a session's advisory lock").isTrue();
        }
        assertThat(second.tryAcquire(subscription)).as("free without waiting for anything to expire").isTrue();
        assertThat(first.holds(subscription)).as("the first learns it lost the lock").isFalse();
        assertThat(first.tryAcquire(subscription)).as("and cannot take it back while the second delivers").isFalse();
    }

    private static HikariDataSource pool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(TestDatabase.get().url());
        pool.setUsername(TestDatabase.get().user());
        pool.setPassword(TestDatabase.get().password());
        pool.setMaximumPoolSize(3);
        return pool;
    }
}
