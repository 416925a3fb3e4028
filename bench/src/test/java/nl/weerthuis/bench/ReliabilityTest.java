package nl.weerthuis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import nl.weerthuis.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The applications as processes on one PostgreSQL schema, treated roughly: the command side killed with -9 under
 * load, the query side killed with -9 in the middle of a rebuild, two query-side instances sharing the work. Nothing
 * acknowledged is lost or doubled, no event is handled twice, and the projections end equal to a clean rebuild. CI-sized: set
 * {@code -Dreliability.clients=100000} for the large variant.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final App.Database DATABASE = new App.Database(TestDatabase.get().url(), TestDatabase.get().user(),
            TestDatabase.get().password(), "reliability_");
    private static final int CLIENTS = Integer.getInteger("reliability.clients", 2_000);
    private static final String JAVA = "-Xmx384m";

    private static final Http http = new Http();
    private static App command;

    @BeforeAll
    static void freshStore() throws Exception {
        for (String schema : DATABASE.schemas()) {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        command = App.start("command-side", 28081, DATABASE, JAVA);
        new Population(7).generate(DATABASE, CLIENTS, 2);
    }

    @AfterAll
    static void stop() {
        if (command != null) {
            command.close();
        }
    }

    @Test
    @Order(1)
    void killing_the_command_side_under_load_loses_no_acknowledged_command_and_doubles_none() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // idempotency key -> client id
        List<String> unanswered = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = new ArrayList<>();
        String url = command.baseUrl() + "/api/v1/clients";
        for (int i = 0; i < 8; i++) {
            Thread caller = new Thread(() -> {
                while (running.get()) {
                    String key = UUID.randomUUID().toString();
                    Http.Response response = http.post(url, Tokens.municipalCaseworker(), Registrations.BODY, Map.of("Idempotency-Key", key));
                    if (response.status() == 201) {
                        acknowledged.put(key, Registrations.clientId(response));
                    } else {
                        unanswered.add(key);
                    }
                }
            });
            caller.start();
            callers.add(caller);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 150);
        command.kill9();
        running.set(false);
        for (Thread caller : callers) {
            caller.join();
        }
        command = App.start("command-side", 28081, DATABASE, JAVA);

        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + ack.getValue()
                    + "' AND payload_type LIKE '%ClientRegisteredEvent'")).as("acknowledged " + ack.getValue()).isOne();
        }
        // A caller retries what it never heard back about: the first outcome if it was recorded, else recorded now.
        for (String key : unanswered) {
            Http.Response retry = http.post(command.baseUrl() + "/api/v1/clients", Tokens.municipalCaseworker(), Registrations.BODY,
                    Map.of("Idempotency-Key", key));
            assertThat(retry.status()).as(retry.body()).isEqualTo(201);
            acknowledged.put(key, Registrations.clientId(retry));
        }
        long registeredInCrashRegion = count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%ClientRegisteredEvent' AND convert_from(payload, 'UTF8') LIKE '%\"region\":\"Crash\"%'");
        assertThat(registeredInCrashRegion).as("every key's registration exactly once").isEqualTo(acknowledged.size());
        assertThat(acknowledged.values()).doesNotHaveDuplicates();
    }

    /**
     * Every projection is idempotent by design (rows keyed by client or event, inserted once), so comparing one
     * instance's figures with the other's — both read the same tables — could never show an event handled twice.
     * What would: the figures against the store itself, and what is not idempotent, a notification to a partner.
     */
    @Test
    @Order(2)
    void two_query_side_instances_share_the_segments_and_handle_each_event_once() throws Exception {
        try (App first = App.start("query-side", 28082, DATABASE, JAVA);
             App second = App.start("query-side", 28083, DATABASE, JAVA)) {
            long registrations = count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ClientRegisteredEvent'");
            await().atMost(Duration.ofMinutes(3)).until(() -> Registrations.counted(first) == registrations
                    && Registrations.counted(second) == registrations);
            long monitorSegments = count("SELECT count(*) FROM " + DATABASE.schemaOf("query-side")
                    + ".query_token_entry WHERE processor_name = 'monitor'");
            // The first to start claims them all; it gives up its surplus only once it has seen the second's heartbeat.
            await().atMost(Duration.ofMinutes(1)).alias("both instances work, sharing the monitor's segments")
                    .until(() -> segments(first) > 0 && segments(second) > 0
                            && segments(first) + segments(second) == monitorSegments);
            for (String region : Registrations.regions()) {
                assertThat(registered(first, region)).as("monitor against the store, " + region)
                        .isEqualTo(count("SELECT count(DISTINCT aggregate_identifier) FROM domain_event_entry WHERE payload_type "
                                + "LIKE '%ClientRegisteredEvent' AND convert_from(payload, 'UTF8') LIKE '%\"region\":\"" + region + "\"%'"));
            }

            Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
            HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            receiver.createContext("/hook", exchange -> {
                if ("OPTIONS".equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "*");
                } else {
                    String id = JSON.readTree(exchange.getRequestBody()).path("id").asText();
                    received.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            receiver.start();
            try {
                String corporation = Population.corporation(0, 0);
                Http.Response subscribed = http.post(second.baseUrl() + "/api/v1/subscriptions",
                        Tokens.token(corporation, "HOUSING_CORPORATION", "PARTNER_SYSTEM"), """
                        {"callbackUrl":"http://127.0.0.1:%d/hook","eventTypes":["nl.weerthuis.huurovereenkomsten."]}"""
                                .formatted(receiver.getAddress().getPort()));
                assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
                List<String> clients = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    clients.add(startTenancy(corporation));
                }
                String readStore = DATABASE.schemaOf("query-side");
                String ofTheseClients = "organisation = '" + corporation + "' AND client_id IN ('" + String.join("','", clients)
                        + "') AND type LIKE 'nl.weerthuis.huurovereenkomsten.%'";
                await().atMost(Duration.ofMinutes(1)).until(() -> count("SELECT count(*) FROM " + readStore
                        + ".partner_event WHERE " + ofTheseClients) >= clients.size());
                long notifications = count("SELECT count(*) FROM " + readStore + ".partner_event WHERE " + ofTheseClients);
                await().atMost(Duration.ofMinutes(1)).until(() -> count("SELECT count(*) FROM " + readStore
                        + ".partner_delivery WHERE status <> 'DELIVERED'") == 0 && received.size() >= notifications);

                assertThat(received).as("every notification once, whichever instance delivered it").hasSize((int) notifications)
                        .allSatisfy((id, times) -> assertThat(times.get()).as(id).isOne());
                assertThat(count("SELECT count(*) FROM " + readStore + ".processing_log WHERE activity_id = "
                        + "'partner-notification' AND organisation = '" + corporation + "'")).as("each logged once")
                        .isEqualTo(notifications);
            } finally {
                receiver.stop(0);
            }
        }
    }

    /** A client registered, offered a dwelling by the corporation, accepted and contracted: tenancy events. */
    private static String startTenancy(String corporation) throws Exception {
        String municipality = Tokens.municipalCaseworker();
        String landlord = Tokens.token(corporation, "HOUSING_CORPORATION", "CASEWORKER");
        String base = command.baseUrl() + "/api/v1/";
        String client = JSON.readTree(http.post(base + "clients", municipality, """
                {"setting":"SHELTER","facility":"MO","region":"%s","municipality":"%s-gemeente-1",
                 "careProvider":"%s","registeredOn":"2026-01-05"}""".formatted(Population.region(0), Population.region(0),
                Population.provider(0, 0))).body()).get("clientId").asText();
        http.post(base + "clients/" + client + "/outflow-trajectory", municipality, "{\"startedOn\":\"2026-01-10\"}");
        http.post(base + "clients/" + client + "/arrangement-checklist", municipality, """
                {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                 "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"2026-01-10"}""");
        // Only a corporation the coordination point asked may offer a dwelling (issue 13).
        assertThat(http.post(base + "clients/" + client + "/housing-requests", municipality,
                "{\"corporation\":\"%s\",\"requestedOn\":\"2026-01-11\"}".formatted(corporation)).ok()).isTrue();
        Http.Response offered = http.post(base + "tenancies", landlord, """
                {"clientId":"%s","careProvider":"%s","leaseForm":"CLIENT_LEASE","fromQuota":false,"offeredOn":"2026-02-01",
                 "dwelling":{"address":"Straat 1","municipality":"%s-gemeente-1","neighbourhood":"Wijk-1"}}"""
                .formatted(client, Population.provider(0, 0), Population.region(0)));
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        String tenancy = JSON.readTree(offered.body()).get("tenancyId").asText();
        assertThat(http.post(base + "tenancies/" + tenancy + "/acceptance", municipality, "{\"on\":\"2026-02-02\"}").ok()).isTrue();
        Http.Response contract = http.post(base + "tenancies/" + tenancy + "/contract", landlord, "{\"on\":\"2026-02-03\"}");
        assertThat(contract.ok()).as(contract.body()).isTrue();
        return client;
    }

    private static long registered(App query, String region) throws Exception {
        return JSON.readTree(http.get(query.baseUrl() + "/api/v1/monitor/registered-clients?region=" + region,
                Tokens.admin()).body()).path("regions").path(0).path("total").asLong();
    }

    @Test
    @Order(3)
    void killing_the_query_side_during_a_rebuild_ends_equal_to_a_clean_rebuild() throws Exception {
        JsonNode before;
        long registrations = count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ClientRegisteredEvent'");
        try (App query = App.start("query-side", 28082, DATABASE, JAVA)) {
            await().atMost(Duration.ofMinutes(3)).until(() -> caughtUp(query) && Registrations.counted(query) == registrations);
            before = figures(query, "Regio-02");
            assertThat(http.post(query.baseUrl() + "/api/v1/admin/projections/monitor/rebuild", Tokens.admin(), "").status())
                    .isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> progress(query).path("position").asLong() > 0);
            assertThat(caughtUp(query)).as("killed in the middle of the rebuild").isFalse();
            query.kill9();
        }
        try (App restarted = App.start("query-side", 28082, DATABASE, JAVA)) {
            await().atMost(Duration.ofMinutes(3)).until(() -> caughtUp(restarted) && Registrations.counted(restarted) == registrations);
            assertThat(figures(restarted, "Regio-02")).isEqualTo(before);
            // And equal to one more, undisturbed rebuild.
            http.post(restarted.baseUrl() + "/api/v1/admin/projections/monitor/rebuild", Tokens.admin(), "");
            await().atMost(Duration.ofMinutes(3)).until(() -> caughtUp(restarted) && Registrations.counted(restarted) == registrations);
            assertThat(figures(restarted, "Regio-02")).isEqualTo(before);
        }
    }

    /**
     * A killed instance's subscriptions are not held back after its restart (they were, for the 2-minute lease a dead
     * instance left on each): delivery resumes within 10 s of the restart, each subject's notifications still arrive
     * in their order, and never two of one subject at once.
     */
    @Test
    @Order(4)
    void after_a_kill_9_of_the_query_side_partner_delivery_resumes_within_10_s_of_its_restart_in_order() throws Exception {
        List<String[]> arrivals = java.util.Collections.synchronizedList(new ArrayList<>()); // subject, sequence, id
        List<Long> arrivedAt = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger mostInFlight = new AtomicInteger();
        // Until the kill the partner answers nothing: the instance dies with a delivery in flight and the rest pending.
        java.util.concurrent.CountDownLatch answering = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger held = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "*");
            } else {
                JsonNode event = JSON.readTree(exchange.getRequestBody());
                AtomicInteger ofSubject = inFlight.computeIfAbsent(event.path("subject").asText(), s -> new AtomicInteger());
                mostInFlight.accumulateAndGet(ofSubject.incrementAndGet(), Math::max);
                if (answering.getCount() > 0) {
                    held.incrementAndGet();
                }
                try {
                    answering.await(3, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                arrivals.add(new String[]{event.path("subject").asText(), event.path("sequence").asText(), event.path("id").asText()});
                arrivedAt.add(System.currentTimeMillis());
                ofSubject.decrementAndGet();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String corporation = Population.corporation(0, 1);
        String readStore = DATABASE.schemaOf("query-side");
        String ours = "organisation = '" + corporation + "' AND type LIKE 'nl.weerthuis.huurovereenkomsten.%'";
        long restartedAt;
        try {
            // A call that outlasts the wait for the kill, so the instance dies in it, not after a timeout and a retry.
            try (App query = App.start("query-side", 28082, DATABASE, JAVA, "--weerthuis.partners.request-timeout=PT5M")) {
                // Run alone, the read store is new: the feed first catches up on the generated population.
                await().atMost(Duration.ofMinutes(10)).until(() -> caughtUp(query, "partner-feed"));
                Http.Response subscribed = http.post(query.baseUrl() + "/api/v1/subscriptions",
                        Tokens.token(corporation, "HOUSING_CORPORATION", "PARTNER_SYSTEM"), """
                        {"callbackUrl":"http://127.0.0.1:%d/hook","eventTypes":["nl.weerthuis.huurovereenkomsten."]}"""
                                .formatted(receiver.getAddress().getPort()));
                assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
                for (int i = 0; i < 5; i++) {
                    startTenancy(corporation);
                }
                await().atMost(Duration.ofMinutes(2)).until(() -> held.get() >= 1 && caughtUp(query, "partner-feed"));
                query.kill9();
            }
            answering.countDown();
            long pending = count("SELECT count(*) FROM " + readStore + ".partner_delivery WHERE status = 'PENDING'"
                    + " AND event_sequence IN (SELECT sequence FROM " + readStore + ".partner_event WHERE " + ours + ")");
            assertThat(pending).as("killed during delivery").isPositive();
            // The call the dead instance had in flight may still finish at the partner: not a delivery after restart.
            await().atMost(Duration.ofSeconds(10)).until(() -> inFlight.values().stream().allMatch(n -> n.get() == 0));
            int beforeRestart = arrivals.size();
            try (App restarted = App.start("query-side", 28082, DATABASE, JAVA)) {
                restartedAt = System.currentTimeMillis();
                await().atMost(Duration.ofMinutes(2)).until(() -> arrivals.size() > beforeRestart);
                long resumedAfter = Math.max(0, arrivedAt.get(beforeRestart) - restartedAt);
                System.out.println("partner delivery resumed " + resumedAfter + " ms after the restart");
                assertThat(resumedAfter).as("delivery resumed %d ms after the restart", resumedAfter).isLessThan(10_000);
                long notifications = count("SELECT count(*) FROM " + readStore + ".partner_event WHERE " + ours);
                await().atMost(Duration.ofMinutes(2)).until(() -> arrivals.stream().map(a -> a[2]).distinct().count()
                        >= notifications && count("SELECT count(*) FROM " + readStore + ".partner_delivery WHERE status <> "
                        + "'DELIVERED' AND event_sequence IN (SELECT sequence FROM " + readStore + ".partner_event WHERE "
                        + ours + ")") == 0);
            }
        } finally {
            receiver.stop(0);
        }
        // At least once: the one in flight at the kill may come twice, but a subject never goes back in its order.
        Map<String, String> lastOfSubject = new java.util.HashMap<>();
        synchronized (arrivals) {
            for (String[] arrival : arrivals) {
                String last = lastOfSubject.put(arrival[0], arrival[1]);
                assertThat(last == null || last.compareTo(arrival[1]) <= 0).as("subject " + arrival[0] + ": " + last
                        + " then " + arrival[1]).isTrue();
            }
        }
        assertThat(mostInFlight).as("never two of one subject at once").hasValue(1);
    }

    private static JsonNode figures(App query, String region) throws Exception {
        return JSON.readTree(http.get(query.baseUrl() + "/api/v1/monitor/outflow?region=" + region
                + "&from=2023-01-01&to=2025-12-31&groupBy=quarter", Tokens.admin()).body());
    }

    private static JsonNode progress(App query) throws Exception {
        return JSON.readTree(http.get(query.baseUrl() + "/api/v1/admin/projections/monitor", Tokens.admin()).body());
    }

    private static boolean caughtUp(App query) throws Exception {
        return caughtUp(query, "monitor");
    }

    private static boolean caughtUp(App query, String projection) throws Exception {
        JsonNode progress = JSON.readTree(http.get(query.baseUrl() + "/api/v1/admin/projections/" + projection,
                Tokens.admin()).body());
        return progress.path("caughtUp").asBoolean() && progress.path("position").asLong() >= progress.path("head").asLong();
    }

    private static int segments(App query) throws Exception {
        return progress(query).path("segments").asInt();
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(String... sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
