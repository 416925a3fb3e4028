package nl.weerthuis.query.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.query.eventsource.EventSourceConfiguration;
import nl.weerthuis.query.eventsource.RebuildGate;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.query.support.RegionRows;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * While the monitor is rebuilt, readers only ever see the previous complete figures or the new complete ones, never
 * a read model half-way. The next generation is held by a gate, so the half-way state exists (in its shadow tables)
 * for as long as the test looks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "weerthuis.projections.rebuild-batch-size=10")
@ActiveProfiles("test")
@Import({EventStoreFixture.class, RebuildWithoutPartialFiguresTest.Gate.class})
class RebuildWithoutPartialFiguresTest {

    private static final int CLIENTS = 150;

    /** Lets the next generation handle an event only when the test allows one. */
    @TestConfiguration
    static class Gate implements RebuildGate {
        private final Semaphore permits = new Semaphore(0);
        private volatile boolean held;

        @Override
        public void beforeEvent(String readModel) throws InterruptedException {
            if (held) {
                permits.acquire();
            }
        }

        void hold() {
            held = true;
        }

        void allow(int events) {
            permits.release(events);
        }

        /** No event waits any more; the few threads waiting at that moment get through. */
        void open() {
            held = false;
            permits.release(100);
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate readStore;
    @Autowired
    Gate gate;
    @Value("${weerthuis.database.schema}")
    String schema;

    private ResponseEntity<String> call(HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"));
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    private JsonNode monitor(String region) throws Exception {
        return json.readTree(call(HttpMethod.GET,
                "/api/v1/monitor/outflow?from=2020-01-01&to=2026-12-31&groupBy=region&region=" + region).getBody());
    }

    /** The region's own group (the monitor answers the regions that share its municipality too). */
    private JsonNode figures(String region) throws Exception {
        for (JsonNode group : monitor(region).get("groups")) {
            if (group.get("group").asText().equals(region)) {
                return group;
            }
        }
        return json.createObjectNode();
    }

    private JsonNode progress() throws Exception {
        return json.readTree(call(HttpMethod.GET, "/api/v1/admin/projections/monitor").getBody());
    }

    private void register(String region, int clients) {
        for (int i = 0; i < clients; i++) {
            String client = UUID.randomUUID().toString();
            events.append("Client", client, 0, new ClientRegisteredEvent(client, i % 2 == 0 ? CareSetting.SHELTER
                    : CareSetting.PROTECTED_HOUSING, "f", region, "Almelo", "87654321", LocalDate.of(2025, 1, 1 + i % 28), null));
            events.append("Client", client, 1, new OutflowTrajectoryStartedEvent(client, CareSetting.SHELTER, region,
                    "Almelo", LocalDate.of(2025, 3, 1 + i % 28)));
        }
    }

    private long inNextGeneration(String region) {
        return readStore.queryForObject("SELECT count(*) FROM " + schema + "_next_monitor.monitor_care_stay WHERE region = ?",
                Long.class, region);
    }

    @Test
    void readers_see_the_old_complete_figures_until_the_new_ones_have_caught_up() throws Exception {
        String region = "Whole-" + UUID.randomUUID();
        String later = "Later-" + UUID.randomUUID();
        register(region, CLIENTS);
        // Both events of every client projected ("caught up" alone may still be true from an earlier test).
        await().atMost(Duration.ofSeconds(60)).until(() -> !figures(region).isEmpty() && progress().get("caughtUp").asBoolean()
                && RegionRows.count(readStore, "monitor_care_stay", region) == CLIENTS
                && RegionRows.count(readStore, "monitor_trajectory", region) == CLIENTS);
        JsonNode fresh = figures(region);
        // The read model drifted (a bug fixed since): the old generation's figures are wrong, but whole.
        readStore.update("DELETE FROM monitor_care_stay WHERE region = ? AND client_id IN (SELECT client_id FROM "
                + "monitor_care_stay WHERE region = ? ORDER BY client_id LIMIT 40)", region, region);
        JsonNode old = figures(region);
        assertThat(old).isNotEqualTo(fresh);

        Set<JsonNode> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger answers = new AtomicInteger();
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService readers = Executors.newSingleThreadExecutor();
        gate.hold();
        try {
            Future<?> reader = readers.submit(() -> {
                while (reading.get()) {
                    seen.add(figures(region));
                    answers.incrementAndGet();
                }
                return null;
            });
            assertThat(call(HttpMethod.POST, "/api/v1/admin/projections/monitor/rebuild").getStatusCode().value())
                    .isEqualTo(202);
            // A few events at a time, until the new generation holds some of the region's clients but not all.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                gate.allow(20);
                return inNextGeneration(region) > 0;
            });
            assertThat(inNextGeneration(region)).isLessThan(CLIENTS);
            // Events arriving during the rebuild reach the live figures at once, and the new generation later.
            register(later, 10);
            await().atMost(Duration.ofSeconds(30)).until(() -> !figures(later).isEmpty());
            int before = answers.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> answers.get() > before + 20);
            JsonNode during = monitor(region);
            assertThat(figures(region)).isEqualTo(old);
            assertThat(during.at("/readModel/rebuilding").asBoolean()).isTrue();
            assertThat(during.at("/readModel/complete").asBoolean()).isTrue();
            assertThat(progress().get("rebuilding").asBoolean()).isTrue();
            assertThat(inNextGeneration(region)).isLessThan(CLIENTS);

            gate.open();
            await().atMost(Duration.ofSeconds(120)).until(() -> !progress().get("rebuilding").asBoolean());
            int after = answers.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> answers.get() > after + 5);
            reading.set(false);
            reader.get();
        } finally {
            reading.set(false);
            gate.open();
            readers.shutdownNow();
        }
        assertThat(figures(region)).isEqualTo(fresh);
        assertThat(seen).as("every answer a reader got during the rebuild").isSubsetOf(Set.of(old, fresh)).contains(old, fresh);
        assertThat(RegionRows.count(readStore, "monitor_care_stay", later))
                .isEqualTo(10L);
        assertThat(readStore.queryForList("SELECT schema_name FROM information_schema.schemata WHERE schema_name = ?",
                String.class, schema + "_next_monitor")).isEmpty();
        assertThat(readStore.queryForObject("SELECT count(*) FROM query_token_entry WHERE processor_name = 'monitor@next'",
                Long.class)).isZero();
        // The tables that now serve were analysed before they did (by the rebuild itself, not by autovacuum).
        assertThat(readStore.queryForList("SELECT relname FROM pg_stat_user_tables WHERE schemaname = ? AND last_analyze IS NOT NULL",
                String.class, schema)).containsAll(EventSourceConfiguration.READ_MODEL_TABLES.get("monitor"));
        // The live processor carries on from the new generation's tokens.
        String afterwards = "After-" + UUID.randomUUID();
        register(afterwards, 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> RegionRows.count(readStore, "monitor_care_stay", afterwards) == 6);
        await().atMost(Duration.ofSeconds(30)).until(() -> progress().get("caughtUp").asBoolean());
    }

    /**
     * As another instance's swap would leave it: a new generation with positions of its own in the token store, while
     * this processor holds later ones in memory. It must not carry on from those, but restart from the stored ones.
     */
    @Test
    void a_processor_that_missed_a_swap_restarts_from_the_stored_positions() throws Exception {
        String region = "Fenced-" + UUID.randomUUID();
        register(region, 5);
        await().atMost(Duration.ofSeconds(60)).until(() -> progress().get("caughtUp").asBoolean() && RegionRows.count(readStore, "monitor_care_stay", region) == 5);
        // The new generation lacks the region's stays and starts from the first event; a processor that went on from
        // memory would never add them.
        readStore.execute("DELETE FROM monitor_care_stay WHERE region = '" + region + "'; "
                + "UPDATE query_token_entry SET token = NULL, token_type = NULL WHERE processor_name = 'monitor'; "
                + "UPDATE read_model_generation SET generation = generation + 1 WHERE read_model = 'monitor'");
        await().atMost(Duration.ofSeconds(60)).until(() -> RegionRows.count(readStore, "monitor_care_stay", region) == 5);
    }

    /** An event the new generation cannot hold is parked in it, and after the swap in the live queue: only there. */
    @Test
    void events_parked_while_rebuilding_stay_parked_for_the_new_generation_and_every_other_client_is_counted()
            throws Exception {
        String region = "Parked-" + UUID.randomUUID();
        String unholdableFacility = "unholdable-" + UUID.randomUUID();
        String constraint = "rebuild_test_" + UUID.randomUUID().toString().replace("-", "");
        readStore.update("ALTER TABLE monitor_client_registration ADD CONSTRAINT " + constraint
                + " CHECK (facility <> '" + unholdableFacility + "') NOT VALID");
        String unholdable = UUID.randomUUID().toString();
        try {
            register(region, 8);
            events.append("Client", unholdable, 0, new ClientRegisteredEvent(unholdable, CareSetting.SHELTER,
                    unholdableFacility, region, "Almelo", "87654321", LocalDate.of(2025, 1, 1), null));
            register(region, 8);
            await().atMost(Duration.ofSeconds(60)).until(() -> parkedSequences(unholdable) == 1 && registered(region) == 16);

            assertThat(call(HttpMethod.POST, "/api/v1/admin/projections/monitor/rebuild").getStatusCode().value())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).until(() -> !progress().get("rebuilding").asBoolean());

            // The new tables carry the same rule (LIKE … INCLUDING ALL): parked again, once, in the live queue.
            assertThat(registered(region)).isEqualTo(16);
            assertThat(parkedSequences(unholdable)).isEqualTo(1);
            assertThat(readStore.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processinggroup = 'monitor@next'",
                    Long.class)).isZero();
            assertThat(monitor(region).at("/readModel/complete").asBoolean()).isFalse();

            dropConstraint(constraint);
            assertThat(call(HttpMethod.POST, "/api/v1/admin/projections/monitor/dead-letters/" + unholdable + "/retry")
                    .getStatusCode().value()).isEqualTo(200);
            assertThat(registered(region)).isEqualTo(17);
        } finally {
            dropConstraint(constraint);
            call(HttpMethod.DELETE, "/api/v1/admin/projections/monitor/dead-letters/" + unholdable);
        }
    }

    private void dropConstraint(String constraint) {
        // After a swap the rule lives on the new table under a name of its own: drop every copy.
        for (String name : readStore.queryForList("SELECT conname FROM pg_constraint WHERE conrelid = "
                + "'monitor_client_registration'::regclass AND pg_get_constraintdef(oid) LIKE '%unholdable-%'", String.class)) {
            readStore.update("ALTER TABLE monitor_client_registration DROP CONSTRAINT " + name);
        }
    }

    private long parkedSequences(String client) {
        return readStore.queryForObject("SELECT count(DISTINCT eventidentifier) FROM dead_letter_entry "
                + "WHERE processinggroup = 'monitor' AND sequenceidentifier = ?", Long.class, client);
    }

    private long registered(String region) {
        return RegionRows.count(readStore, "monitor_client_registration", region);
    }

    /** A rebuild whose instance died (a kill -9 half-way) is started over by a live one, and finishes. */
    @Test
    void a_rebuild_left_by_a_dead_instance_is_taken_over_and_finished() {
        long before = readStore.queryForObject("SELECT generation FROM read_model_generation WHERE read_model = 'history'",
                Long.class);
        readStore.update("INSERT INTO read_model_rebuild (read_model, started_at, started_by) "
                + "VALUES ('history', now() - interval '1 minute', 'an instance killed half-way')");

        await().atMost(Duration.ofSeconds(90)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM read_model_rebuild WHERE read_model = 'history'", Long.class) == 0);
        assertThat(readStore.queryForObject("SELECT generation FROM read_model_generation WHERE read_model = 'history'",
                Long.class)).isEqualTo(before + 1);
    }
}
