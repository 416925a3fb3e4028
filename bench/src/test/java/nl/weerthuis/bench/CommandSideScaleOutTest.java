package nl.weerthuis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command-side instances, as processes, on one event store, their callers spread over both. Commands on the same
 * aggregate race across the instances (the in-process aggregate lock orders only one instance's commands): exactly
 * one wins per version, every other answer is a 409 problem+json, never a 5xx, and the store holds exactly the
 * acknowledged changes. Deadlines fire once although both instances poll for them and one is killed while they fire;
 * the journey process runs once although both instances run its processor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandSideScaleOutTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final App.Database DATABASE = new App.Database(TestDatabase.get().url(), TestDatabase.get().user(),
            TestDatabase.get().password(), "scaleout_command_");
    private static final String JAVA = "-Xmx384m";
    // Deadlines that are overdue when scheduled fire after two seconds; a killed instance's picked deadline is
    // revived after four missed heartbeats of a second (production: db-scheduler's 6 of 5 minutes).
    private static final String[] ARGS = {"--weerthuis.deadlines.settling-period=PT2S",
            "--db-scheduler.heartbeat-interval=1s", "--db-scheduler.missed-heartbeats-limit=4"};

    private static final Http http = new Http();
    private static App first;
    private static App second;

    @BeforeAll
    static void twoInstancesOnOneStore() throws Exception {
        for (String schema : DATABASE.schemas()) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        first = App.start("command-side", freePort(), DATABASE, JAVA, ARGS);
        second = App.start("command-side", freePort(), DATABASE, JAVA, ARGS);
        // The agreements (and their region) the journeys below are decided under.
        new Population(3).generate(DATABASE, 20, 1);
    }

    @AfterAll
    static void stop() {
        for (App app : new App[]{first, second}) {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    @Order(1)
    void with_if_match_exactly_one_caller_per_version_wins_across_the_instances_and_the_rest_get_409() throws Exception {
        int rounds = 6;
        int callersPerInstance = 3;
        for (int c = 0; c < 3; c++) {
            String client = register(first);
            for (int round = 0; round < rounds; round++) {
                long version = round; // the registration is version 0, each round's winner one more
                List<Http.Response> answers = concurrently(callersPerInstance, app -> http.post(app.baseUrl()
                        + "/api/v1/clients/" + client + "/arrangement-checklist", Tokens.municipalCaseworker(),
                        checklist(), Map.of("If-Match", "\"" + version + "\"")));
                assertThat(answers).as("no 5xx, only a winner and 409s").allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.body()).isIn(204, 409));
                assertThat(answers.stream().filter(answer -> answer.status() == 204)).as("one winner for version " + version)
                        .hasSize(1);
                assertThat(answers.stream().filter(answer -> answer.status() == 409))
                        .allSatisfy(answer -> assertThat(answer.body()).contains("\"status\":409"));
            }
            assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + client + "'"))
                    .as("the registration and one change per version, nothing lost or doubled").isEqualTo(1 + rounds);
        }
    }

    @Test
    @Order(2)
    void without_if_match_every_change_is_applied_once_or_answered_409_never_5xx() throws Exception {
        for (int c = 0; c < 3; c++) {
            String client = register(second);
            List<Http.Response> answers = concurrently(6, app -> http.post(app.baseUrl() + "/api/v1/clients/" + client
                    + "/arrangement-checklist", Tokens.municipalCaseworker(), checklist()));
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isIn(204, 409));
            long applied = answers.stream().filter(answer -> answer.status() == 204).count();
            assertThat(applied).as("a lost race is decided again on the stored version").isPositive();
            assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + client + "'"))
                    .as("exactly the acknowledged changes").isEqualTo(1 + applied);
        }
    }

    @Test
    @Order(3)
    void deadlines_fire_once_and_the_journey_process_runs_once_while_an_instance_dies() throws Exception {
        String corporation = Population.corporation(0, 0);
        Map<String, String> tenancies = new ConcurrentHashMap<>(); // client -> tenancy
        for (int i = 0; i < 8; i++) {
            String client = movedInLongAgo(i % 2 == 0 ? first : second, corporation);
            tenancies.put(client, lastTenancy);
        }
        // Each move-in scheduled (overdue) flip-term and review deadlines; both instances poll for them. One dies.
        second.kill9();
        String clients = "('" + String.join("','", tenancies.keySet()) + "')";
        String tenancyIds = "('" + String.join("','", tenancies.values()) + "')";
        await().atMost(Duration.ofMinutes(3)).until(() -> count("SELECT count(*) FROM domain_event_entry WHERE "
                + "aggregate_identifier IN " + tenancyIds + " AND payload_type LIKE '%FlipTermExpiredEvent'") >= tenancies.size()
                && count("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE aggregate_identifier IN "
                + clients + " AND payload_type LIKE '%MonitoringReviewDueEvent'") == tenancies.size());
        await().atMost(Duration.ofMinutes(2)).until(() -> count("SELECT count(*) FROM " + DATABASE.schemaOf("command-side")
                + ".scheduled_tasks WHERE execution_time < now()") == 0);

        for (String tenancy : tenancies.values()) {
            assertThat(events(tenancy, "FlipTermReachedEvent")).as("flip term reached once, " + tenancy).isOne();
            assertThat(events(tenancy, "FlipTermExpiredEvent")).as("flip term expired once, " + tenancy).isOne();
        }
        for (String client : tenancies.keySet()) {
            assertThat(count("SELECT count(*) - count(DISTINCT convert_from(payload, 'UTF8')::json->>'reviewNumber') "
                    + "FROM domain_event_entry WHERE aggregate_identifier = '" + client + "' AND payload_type LIKE "
                    + "'%MonitoringReviewDueEvent'")).as("each review falls due once, " + client).isZero();
        }

        // The journey process, whose segments the dead instance may have held, ends each client's housing once.
        String landlord = Tokens.token(corporation, "HOUSING_CORPORATION", "CASEWORKER");
        for (String tenancy : tenancies.values()) {
            Http.Response ended = http.post(first.baseUrl() + "/api/v1/tenancies/" + tenancy + "/end", landlord,
                    "{\"reason\":\"MOVED\",\"endedOn\":\"2026-06-01\"}");
            assertThat(ended.status()).as(ended.body()).isEqualTo(204);
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> count("SELECT count(*) FROM domain_event_entry WHERE "
                + "aggregate_identifier IN " + clients + " AND payload_type LIKE '%TrajectoryClosedEvent'") >= tenancies.size()
                && count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier IN " + clients
                + " AND payload_type LIKE '%ClientNoLongerHousedEvent'") >= tenancies.size());
        // A second, belated run of the journey would have found nothing left to do: it would have been refused or
        // appended nothing, so the count alone could not show it; the journey's segments are held by one owner each.
        second = App.start("command-side", freePort(), DATABASE, JAVA, ARGS);
        for (String client : tenancies.keySet()) {
            assertThat(events(client, "ClientNoLongerHousedEvent")).as(client).isOne();
            assertThat(events(client, "TrajectoryClosedEvent")).as(client).isOne();
        }
        assertThat(count("SELECT count(*) FROM token_entry WHERE processor_name = 'JourneyProcessProcessor'"))
                .as("one set of claims (weerthuis.processing.segments, 4 by default), shared by the instances").isEqualTo(4);
    }

    private static String lastTenancy;

    /** A client housed by the corporation since 2023: its flip terms and four reviews are overdue at once. */
    private static String movedInLongAgo(App app, String corporation) throws Exception {
        String municipality = Tokens.municipalCaseworker();
        String landlord = Tokens.token(corporation, "HOUSING_CORPORATION", "CASEWORKER");
        String base = app.baseUrl() + "/api/v1/";
        String client = JSON.readTree(http.post(base + "clients", municipality, """
                {"setting":"SHELTER","facility":"MO","region":"%s","municipality":"%s-gemeente-1",
                 "careProvider":"%s","registeredOn":"2023-01-05"}""".formatted(Population.region(0), Population.region(0),
                Population.provider(0, 0))).body()).get("clientId").asText();
        ok(http.post(base + "clients/" + client + "/outflow-trajectory", municipality, "{\"startedOn\":\"2023-01-10\"}"));
        ok(http.post(base + "clients/" + client + "/arrangement-checklist", municipality, """
                {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                 "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"2023-01-10"}"""));
        ok(http.post(base + "clients/" + client + "/housing-requests", municipality,
                "{\"corporation\":\"%s\",\"requestedOn\":\"2023-01-11\"}".formatted(corporation)));
        Http.Response offered = http.post(base + "tenancies", landlord, """
                {"clientId":"%s","careProvider":"%s","leaseForm":"TRIPARTITE","fromQuota":false,"offeredOn":"2023-02-01",
                 "dwelling":{"address":"Straat 1","municipality":"%s-gemeente-1","neighbourhood":"Wijk-1"}}"""
                .formatted(client, Population.provider(0, 0), Population.region(0)));
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        String tenancy = JSON.readTree(offered.body()).get("tenancyId").asText();
        ok(http.post(base + "tenancies/" + tenancy + "/acceptance", municipality, "{\"on\":\"2023-02-02\"}"));
        ok(http.post(base + "tenancies/" + tenancy + "/contract", landlord, "{\"on\":\"2023-02-03\"}"));
        ok(http.post(base + "tenancies/" + tenancy + "/move-in", landlord, "{\"on\":\"2023-03-01\"}"));
        lastTenancy = tenancy;
        return client;
    }

    private static void ok(Http.Response response) {
        assertThat(response.ok()).as(response.status() + " " + response.body()).isTrue();
    }

    /** {@code perInstance} callers on each instance, released together. */
    private static List<Http.Response> concurrently(int perInstance, java.util.function.Function<App, Http.Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2 * perInstance);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 2 * perInstance; i++) {
                App app = i % 2 == 0 ? first : second;
                Callable<Http.Response> caller = () -> {
                    start.await();
                    return call.apply(app);
                };
                futures.add(pool.submit(caller));
            }
            start.countDown();
            List<Http.Response> answers = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String register(App app) throws Exception {
        Http.Response registered = http.post(app.baseUrl() + "/api/v1/clients", Tokens.municipalCaseworker(), """
                {"setting":"SHELTER","facility":"MO","region":"Race","municipality":"Almelo","careProvider":"87654321",
                 "registeredOn":"2026-01-05"}""", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return JSON.readTree(registered.body()).get("clientId").asText();
    }

    private static String checklist() {
        return """
                {"checklist":{"budgetManagement":true,"debtHelp":false,"dayActivity":true,"support":true,
                 "incomeFromMoveDate":false,"debtsStabilised":false},"updatedOn":"2026-01-06"}""";
    }

    private static long events(String aggregate, String type) throws Exception {
        return count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + aggregate
                + "' AND payload_type LIKE '%" + type + "'");
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
