package nl.weerthuis.bench;

import nl.weerthuis.testsupport.ReadModelProgress;
import nl.weerthuis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Query-side instances, as processes, sharing every read model's segments with nothing set by hand: two take half
 * each, a third joining shrinks the shares and gets its own (of 4 segments: 2, 1 and 1), one killed leaves half each
 * to the other two. Every event is handled
 * exactly once across them, counted per read model and event type in the batch's own transaction
 * ({@code handled_event_count}) and compared with the store — a count that would show a double, where the read
 * models themselves (rows keyed by client or event) would hide it.
 */
class QuerySideScaleOutTest {

    private static final App.Database DATABASE = new App.Database(TestDatabase.get().url(), TestDatabase.get().user(),
            TestDatabase.get().password(), "scaleout_query_");
    private static final List<String> READ_MODELS = List.of("monitor", "history", "client-file", "partner-feed");
    /** The partner feed keeps event order on one segment of a tracking processor: one live instance holds it. */
    private static final List<String> POOLED = List.of("monitor", "history", "client-file");
    private static final String JAVA = "-Xmx384m";

    private static final Http http = new Http();
    private static App command;
    private static PGSimpleDataSource readStore;

    @BeforeAll
    static void storeWithAPopulation() throws Exception {
        readStore = new PGSimpleDataSource();
        readStore.setUrl(DATABASE.url());
        readStore.setUser(DATABASE.user());
        readStore.setPassword(DATABASE.password());
        readStore.setCurrentSchema(DATABASE.schemaOf("query-side") + "," + DATABASE.eventStoreSchema());
        try (Connection connection = readStore.getConnection(); Statement statement = connection.createStatement()) {
            for (String schema : DATABASE.schemas()) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
        command = App.start("command-side", CommandSideScaleOutTest.freePort(), DATABASE, JAVA);
        new Population(11).generate(DATABASE, Integer.getInteger("scaleout.clients", 1_000), 2);
    }

    @AfterAll
    static void stop() {
        if (command != null) {
            command.close();
        }
    }

    @Test
    void instances_share_the_segments_fairly_as_they_join_and_die_and_handle_every_event_once() throws Exception {
        // The partner feed is never replayed: it starts at the store's head, the others at its beginning.
        long headAtStart = count("SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
        try (App a = App.start("query-side", CommandSideScaleOutTest.freePort(), DATABASE, JAVA);
             App b = App.start("query-side", CommandSideScaleOutTest.freePort(), DATABASE, JAVA)) {
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertClaims(List.of(a, b)));

            try (App c = App.start("query-side", CommandSideScaleOutTest.freePort(), DATABASE, JAVA)) {
                await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertClaims(List.of(a, b, c)));
                POOLED.forEach(readModel -> assertThat(claimedBy(c, readModel)).as("the newcomer works").isPositive());

                b.kill9();
                await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertClaims(List.of(a, c)));
                for (int i = 0; i < 20; i++) {
                    Http.Response registered = http.post(command.baseUrl() + "/api/v1/clients", Tokens.municipalCaseworker(), """
                            {"setting":"SHELTER","facility":"MO","region":"Regio-01","municipality":"Regio-01-gemeente-1",
                             "careProvider":"87654321","registeredOn":"2026-01-05"}""");
                    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
                }
                for (String readModel : READ_MODELS) {
                    ReadModelProgress.awaitCaughtUp(readStore, readModel, Duration.ofMinutes(3));
                }
            }
        }
        for (String readModel : READ_MODELS) {
            Map<String, Long> stored = storedPerType(readModel.equals("partner-feed") ? headAtStart : 0);
            Map<String, Long> handled = handledPerType(readModel);
            if (readModel.equals("monitor")) {
                assertThat(handled).as("the monitor handles registrations").containsKey("nl.weerthuis.kernel.client.ClientRegisteredEvent");
            }
            handled.forEach((type, times) -> assertThat(times).as(readModel + " handled each " + type + " once")
                    .isEqualTo(stored.getOrDefault(type, 0L)));
        }
    }

    /**
     * Every segment of every read model is claimed, by the given instances only, each holding some and none more
     * than its share (the segments divided among them, rounded up).
     */
    private static void assertClaims(List<App> instances) {
        for (String readModel : POOLED) {
            int segments = (int) count("SELECT count(*) FROM query_token_entry WHERE processor_name = '" + readModel + "'");
            assertThat(segments).as(readModel + ": more segments than instances, or the test proves nothing")
                    .isGreaterThan(instances.size());
            int share = (segments + instances.size() - 1) / instances.size();
            int claimed = 0;
            for (App instance : instances) {
                int own = claimedBy(instance, readModel);
                assertThat(own).as(readModel + " on " + instance.pid()).isBetween(1, share);
                claimed += own;
            }
            assertThat(claimed).as(readModel + ": every segment claimed by a live instance").isEqualTo(segments);
        }
        assertThat(instances.stream().mapToInt(instance -> claimedBy(instance, "partner-feed")).sum())
                .as("the partner feed's one segment, held by a live instance").isOne();
    }

    /** Claims are made in the instance's name, which starts with its process id ({@code pid@host/...}). */
    private static int claimedBy(App instance, String readModel) {
        return (int) count("SELECT count(*) FROM query_token_entry WHERE processor_name = '" + readModel
                + "' AND owner LIKE '" + instance.pid() + "@%'");
    }

    private static Map<String, Long> handledPerType(String readModel) throws Exception {
        return perType("SELECT payload_type, sum(handled) FROM handled_event_count WHERE processor_name = '"
                + readModel + "' GROUP BY payload_type");
    }

    private static Map<String, Long> storedPerType(long after) throws Exception {
        return perType("SELECT payload_type, count(*) FROM domain_event_entry WHERE global_index > " + after
                + " GROUP BY payload_type");
    }

    private static Map<String, Long> perType(String sql) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = readStore.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private static long count(String sql) {
        try (Connection connection = readStore.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
