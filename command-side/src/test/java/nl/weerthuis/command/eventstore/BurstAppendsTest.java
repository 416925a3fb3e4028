package nl.weerthuis.command.eventstore;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A long transaction's events are held back and appended in one burst that no other append interleaves with: held
 * events are read back by their own work, stored only by the burst, and an append that comes while a burst is not
 * yet committed waits for it.
 */
@SpringBootTest
@ActiveProfiles("test")
class BurstAppendsTest {

    private final nl.weerthuis.testsupport.OwnThreads threads = new nl.weerthuis.testsupport.OwnThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    @Autowired
    BurstAppends engine;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private long stored(String aggregate) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregate);
    }

    private static GenericDomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Client", aggregate, sequence, "event " + sequence);
    }

    /** Runs {@code append} in a transaction of its own thread, returns once it has run, and commits on {@code release}. */
    private CompletableFuture<Void> keptOpen(Runnable append, CountDownLatch release) throws InterruptedException {
        CountDownLatch appended = new CountDownLatch(1);
        CompletableFuture<Void> open = threads.run(() -> transactions.executeWithoutResult(status -> {
            append.run();
            appended.countDown();
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        return open;
    }

    @Test
    void held_appends_are_read_back_by_their_own_work_and_stored_only_by_the_burst() {
        String kept = UUID.randomUUID().toString(), dropped = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> engine.holding(held -> {
            engine.appendEvents(List.of(event(kept, 0), event(kept, 1)));
            assertThat(stored(kept)).as("held, not stored").isZero();
            assertThat(engine.readEvents(kept).asStream().map(e -> e.getSequenceNumber()).toList()).containsExactly(0L, 1L);
            assertThat(engine.lastSequenceNumberFor(kept)).contains(1L);

            // A unit of work that rolls back lets its held appends go.
            DefaultUnitOfWork<?> failing = DefaultUnitOfWork.startAndGet(null);
            engine.appendEvents(List.of(event(dropped, 0)));
            assertThat(held.of(dropped)).hasSize(1);
            failing.rollback();
            assertThat(held.of(dropped)).isEmpty();

            engine.settle(held.all(), true);
            return null;
        }));
        assertThat(stored(kept)).isEqualTo(2);
        assertThat(stored(dropped)).isZero();
        assertThat(engine.readEvents(kept).asStream().toList()).as("outside the work, read from the store only").hasSize(2);
    }

    @Test
    void an_append_while_a_burst_is_not_yet_committed_waits_for_it_and_lands_after_it() throws Exception {
        String burst = UUID.randomUUID().toString(), beside = UUID.randomUUID().toString();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> importing = keptOpen(() -> engine.settle(List.of(event(burst, 0), event(burst, 1)), true),
                release);
        CompletableFuture<Void> command = threads.run(() -> engine.appendEvents(List.of(event(beside, 0))));

        // The command's append is queued behind the burst's lock, not stored beside it.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM pg_locks WHERE "
                + "locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = "
                + "current_database())", Long.class) > 0);
        assertThat(command).isNotDone();
        release.countDown();
        importing.get(30, TimeUnit.SECONDS);
        command.get(30, TimeUnit.SECONDS);

        List<Long> order = jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier "
                + "IN (?, ?) ORDER BY global_index", Long.class, burst, beside);
        assertThat(order).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT aggregate_identifier FROM domain_event_entry WHERE global_index = ?",
                String.class, order.get(2))).isEqualTo(beside);
    }

    @Test
    void a_burst_that_waits_for_appends_in_flight_does_not_hold_up_the_appends_that_come_after() throws Exception {
        String inFlight = UUID.randomUUID().toString(), burst = UUID.randomUUID().toString(),
                after = UUID.randomUUID().toString();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> command = keptOpen(() -> engine.appendEvents(List.of(event(inFlight, 0))), release);
        CompletableFuture<Void> importing = threads.run(() -> transactions.executeWithoutResult(status ->
                engine.settle(List.of(event(burst, 0)), true)));
        // The burst is trying for its lock (its session's last statement says so).
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND query = "
                + "'SELECT pg_try_advisory_xact_lock(hashtext(''weerthuis.event-append''))'", Long.class) > 0);

        // Had the burst queued for its lock, this append would queue behind it, and behind the command in flight
        // (which, in a real system, might be waiting in this JVM for the aggregate this one holds).
        engine.appendEvents(List.of(event(after, 0)));
        assertThat(importing).isNotDone();

        release.countDown();
        command.get(30, TimeUnit.SECONDS);
        importing.get(30, TimeUnit.SECONDS);
        long burstAt = jdbc.queryForObject("SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, burst);
        assertThat(jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)",
                Long.class, inFlight, after)).as("the burst drew its index after both").isLessThan(burstAt);
    }

    @Test
    void a_burst_that_finds_no_moment_alone_fails_as_a_lock_timeout_and_stores_nothing() throws Exception {
        String inFlight = UUID.randomUUID().toString(), burst = UUID.randomUUID().toString();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> stuck = keptOpen(() -> engine.appendEvents(List.of(event(inFlight, 0))), release);
        try {
            assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                    engine.trying(Duration.ofMillis(200)).settle(List.of(event(burst, 0)), true)))
                    .hasRootCauseInstanceOf(java.sql.SQLException.class)
                    .rootCause().extracting(cause -> ((java.sql.SQLException) cause).getSQLState()).isEqualTo(BurstAppends.BUSY);
            // Meanwhile nobody else was held up.
            String other = UUID.randomUUID().toString();
            engine.appendEvents(List.of(event(other, 0)));
            assertThat(stored(other)).isOne();
        } finally {
            release.countDown();
        }
        stuck.get(30, TimeUnit.SECONDS);
        assertThat(stored(burst)).isZero();
    }
}
