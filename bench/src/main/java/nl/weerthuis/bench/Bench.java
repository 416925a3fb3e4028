package nl.weerthuis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./weerthuis bench}: generates a national-scale store, starts both applications on PostgreSQL as in
 * production, and measures P1–P6 against the goals of issue #9. Each benchmark prints its table and writes JSON to
 * {@code bench/results/}; the latency/throughput picture is written next to them and the README's figures section
 * is rewritten from the same numbers.
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int COMMAND_PORT = 18081, QUERY_PORT = 18082;

    private final Http http = new Http();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Path out;
    private final App.Database database;
    private final String javaOptions;

    private Bench(Path out, App.Database database, String javaOptions) {
        this.out = out;
        this.database = database;
        this.javaOptions = javaOptions;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int clients = Integer.parseInt(options.getOrDefault("clients", "100000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261123"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "10"));
        String server = options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/");
        String user = options.getOrDefault("user", "postgres");
        String password = options.getOrDefault("password", System.getenv().getOrDefault("PGPASSWORD", ""));
        Path out = App.root().resolve("bench").resolve("results");
        Files.createDirectories(out);
        recreateDatabase(server, user, password);
        App.Database database = new App.Database(server + "weerthuis_bench", user, password, "");
        Bench bench = new Bench(out, database, options.getOrDefault("java-opts", "-Xmx512m"));
        bench.run(clients, seed, seconds);
    }

    private void run(int clients, long seed, int seconds) throws Exception {
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.version"), "appJavaOptions", javaOptions, "database", "PostgreSQL (local)"));
        try (App command = App.start("command-side", COMMAND_PORT, database, javaOptions)) {
            Instant loadStart = Instant.now();
            Population.Generated population = new Population(seed).generate(database, clients, 4);
            double loadSeconds = Duration.between(loadStart, Instant.now()).toMillis() / 1000.0;
            results.put("population", Map.of("clients", population.clients(), "events", population.events(),
                    "regions", population.regions().size(), "seed", seed, "loadSeconds", loadSeconds));
            System.out.printf(Locale.ROOT, "%nPopulation: %,d clients, %,d events, loaded in %.1f s%n", population.clients(),
                    population.events(), loadSeconds);
            try (App query = App.start("query-side", QUERY_PORT, database, javaOptions)) {
                awaitCaughtUp(query, List.of("monitor", "history", "client-file", "partner-feed"), Duration.ofMinutes(60));
                p2Rebuild(query);
                p3History(query, population);
                p4Monitor(query);
                p5PartnerLatency(command, query);
                p1Commands(command, seconds);
                p6Memory(command, query);
            }
        }
        write("summary.json", results);
        Files.writeString(out.resolve("latency-throughput.svg"), chart());
        ReadmeFigures.update(App.root().resolve("README.md"), results);
        System.out.println("\nResults in " + out);
    }

    /** P1: registrations over HTTP at 1, 8 and 32 concurrent clients, against single-row insert + commit. */
    @SuppressWarnings("unchecked")
    private void p1Commands(App command, int seconds) throws Exception {
        createBaselineTable();
        List<Map<String, Object>> rows = new ArrayList<>();
        String token = Tokens.municipalCaseworker();
        for (int concurrency : new int[]{1, 8, 32}) {
            Map<String, Object> httpRun = timed(concurrency, seconds, () -> {
                Http.Response response = http.post(command.baseUrl() + "/api/v1/clients", token, """
                        {"setting":"SHELTER","facility":"Nachtopvang","region":"Regio-01","municipality":"Regio-01-gemeente-1",
                         "careProvider":"60100000","registeredOn":"2026-01-05",
                         "personalDetails":{"name":"Bench Client","dateOfBirth":"1980-01-01"}}""");
                if (response.status() != 201) {
                    throw new IllegalStateException("registration failed: " + response.status() + " " + response.body());
                }
                return response.nanos();
            });
            Map<String, Object> jdbcRun = timed(concurrency, seconds, baselineInsert());
            double ratio = Latencies.round((double) httpRun.get("throughput") / (double) jdbcRun.get("throughput"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("concurrency", concurrency);
            row.put("http", httpRun);
            row.put("jdbcBaseline", jdbcRun);
            row.put("ratio", ratio);
            rows.add(row);
        }
        Map<String, Object> p1 = Map.of("name", "P1 command throughput and latency (POST /api/v1/clients)",
                "goal", "throughput >= 0.5 x baseline, p99 <= 25 ms", "secondsPerRun", seconds, "runs", rows);
        results.put("P1", p1);
        write("P1-commands.json", p1);
        System.out.println("\nP1 command throughput (registrations over HTTP) vs raw JDBC insert+commit");
        System.out.println("conc |   HTTP/s |  p50 ms |  p99 ms |   JDBC/s | p50 ms | p99 ms | ratio");
        for (Map<String, Object> row : rows) {
            Map<String, Object> h = (Map<String, Object>) row.get("http"), j = (Map<String, Object>) row.get("jdbcBaseline");
            System.out.printf(Locale.ROOT, "%4d | %8.1f | %7.2f | %7.2f | %8.1f | %6.2f | %6.2f | %5.2f%n", row.get("concurrency"),
                    h.get("throughput"), h.get("p50Ms"), h.get("p99Ms"), j.get("throughput"), j.get("p50Ms"), j.get("p99Ms"),
                    row.get("ratio"));
        }
    }

    interface Operation {
        long run() throws Exception;
    }

    /** Runs {@code concurrency} loops for {@code seconds} (after a 2 s warm-up): throughput and latency. */
    private static Map<String, Object> timed(int concurrency, int seconds, Operation operation) throws Exception {
        runFor(concurrency, 2, operation, new Latencies());
        Latencies latencies = new Latencies();
        long elapsed = runFor(concurrency, seconds, operation, latencies);
        Map<String, Object> run = new LinkedHashMap<>(latencies.summary());
        run.put("throughput", Latencies.round(latencies.count() / (elapsed / 1e9)));
        return run;
    }

    private static long runFor(int concurrency, int seconds, Operation operation, Latencies latencies) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(concurrency);
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        latencies.add(operation.run());
                    }
                } catch (Exception e) {
                    failures.add(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return System.nanoTime() - start;
    }

    private void createBaselineTable() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_baseline");
            statement.execute("""
                    CREATE TABLE bench_baseline (global_index BIGSERIAL PRIMARY KEY, event_identifier VARCHAR(255) NOT NULL UNIQUE,
                    aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, payload BYTEA NOT NULL,
                    meta_data BYTEA, time_stamp VARCHAR(255) NOT NULL)""");
        }
    }

    /** One event-sized row (the size of a stored registration), inserted and committed on its own connection. */
    private Operation baselineInsert() {
        byte[] payload = new byte[620], metaData = new byte[330];
        new Random(1).nextBytes(payload);
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                return connect();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return () -> {
            long start = System.nanoTime();
            Connection connection = connections.get();
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO bench_baseline (event_identifier, aggregate_identifier, sequence_number, payload, meta_data, time_stamp)
                    VALUES (?, ?, 0, ?, ?, ?)""")) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, id);
                insert.setBytes(3, payload);
                insert.setBytes(4, metaData);
                insert.setString(5, Instant.now().toString());
                insert.executeUpdate();
            }
            return System.nanoTime() - start;
        };
    }

    /** P2: the monitor rebuilt from the whole store, against reading the event table straight through. */
    private void p2Rebuild(App query) throws Exception {
        long events;
        double rawSeconds;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            Instant start = Instant.now();
            long count = 0, bytes = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery("""
                        SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                               payload_type, payload_revision, payload, meta_data FROM domain_event_entry ORDER BY global_index""")) {
                    while (rows.next()) {
                        count++;
                        bytes += rows.getBytes("payload").length + rows.getBytes("meta_data").length;
                    }
                }
            }
            rawSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            events = count;
            System.out.printf(Locale.ROOT, "%nraw read: %,d events (%,d MB) in %.1f s%n", count, bytes >> 20, rawSeconds);
        }
        Http.Response started = http.post(query.baseUrl() + "/api/v1/admin/projections/monitor/rebuild", Tokens.admin(), "");
        if (started.status() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.status() + " " + started.body());
        }
        Instant start = Instant.now();
        awaitCaughtUp(query, List.of("monitor"), Duration.ofMinutes(60));
        double rebuildSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        double rate = Latencies.round(events / rebuildSeconds), rawRate = Latencies.round(events / rawSeconds);
        Map<String, Object> p2 = new LinkedHashMap<>();
        p2.put("name", "P2 monitor rebuild from the full store");
        p2.put("goal", ">= 50,000 events/s");
        p2.put("events", events);
        p2.put("rebuildSeconds", rebuildSeconds);
        p2.put("rebuildEventsPerSecond", rate);
        p2.put("rawReadSeconds", rawSeconds);
        p2.put("rawReadEventsPerSecond", rawRate);
        p2.put("ratio", Latencies.round(rate / rawRate));
        results.put("P2", p2);
        write("P2-rebuild.json", p2);
        System.out.printf(Locale.ROOT, "%nP2 monitor rebuild: %,.0f events/s (%.1f s); raw sequential read %,.0f events/s; ratio %.3f%n",
                rate, rebuildSeconds, rawRate, rate / rawRate);
    }

    /** P3: decision histories of random clients, as an auditor reads them. */
    private void p3History(App query, Population.Generated population) {
        Random random = new Random(3);
        String auditor = Tokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
        Latencies latencies = new Latencies();
        for (int i = 0; i < 330; i++) {
            String client = population.clientIds().get(random.nextInt(population.clientIds().size()));
            // An inspectorate names the processing activity of each read.
            Http.Response response = http.get(query.baseUrl() + "/api/v1/clients/" + client + "/history", auditor,
                    Map.of("X-Processing-Activity", "audit-decision-history"));
            if (response.status() != 200) {
                throw new IllegalStateException("history failed: " + response.status() + " " + response.body());
            }
            if (i >= 30) {
                latencies.add(response.nanos());
            }
        }
        record("P3", "P3 decision history query (GET /api/v1/clients/{id}/history)", "p99 <= 20 ms", latencies,
                "P3-history.json");
    }

    /** P4: monitor figures for random regions, periods and groupings. */
    private void p4Monitor(App query) {
        Random random = new Random(4);
        String monitor = Tokens.token(Tokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR");
        String[] groupings = {"", "&groupBy=municipality", "&groupBy=quarter", "&groupBy=corporation"};
        Latencies latencies = new Latencies();
        for (int i = 0; i < 330; i++) {
            int year = 2023 + random.nextInt(3);
            String url = query.baseUrl() + "/api/v1/monitor/outflow?region=" + Population.region(random.nextInt(Population.REGIONS))
                    + "&from=" + year + "-01-01&to=" + year + "-12-31" + groupings[random.nextInt(groupings.length)];
            Http.Response response = http.get(url, monitor);
            if (response.status() != 200) {
                throw new IllegalStateException("monitor failed: " + response.status() + " " + response.body());
            }
            if (i >= 30) {
                latencies.add(response.nanos());
            }
        }
        record("P4", "P4 outflow monitor query (GET /api/v1/monitor/outflow)", "p99 <= 50 ms", latencies, "P4-monitor.json");
    }

    /** P5: from the moment an event is recorded to the moment the partner's webhook has it. */
    private void p5PartnerLatency(App command, App query) throws Exception {
        String corporation = Population.corporation(0, 0);
        Map<String, Long> received = new ConcurrentHashMap<>();
        Latencies latencies = new Latencies();
        AtomicLong tenancyStarts = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            long now = System.currentTimeMillis();
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("WebHook-Allowed-Origin", "*");
            } else {
                JsonNode event = JSON.readTree(exchange.getRequestBody());
                if ("nl.weerthuis.huurovereenkomsten.tenancy-started".equals(event.path("type").asText())
                        && received.putIfAbsent(event.path("id").asText(), now) == null) {
                    long recorded = Instant.parse(event.path("time").asText()).toEpochMilli();
                    latencies.add((now - recorded) * 1_000_000L);
                    tenancyStarts.incrementAndGet();
                }
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String partner = Tokens.token(corporation, "HOUSING_CORPORATION", "PARTNER_SYSTEM");
            Http.Response subscribed = http.post(query.baseUrl() + "/api/v1/subscriptions", partner, """
                    {"callbackUrl":"http://127.0.0.1:%d/hook","eventTypes":["nl.weerthuis.huurovereenkomsten."]}"""
                    .formatted(receiver.getAddress().getPort()));
            if (subscribed.status() != 201) {
                throw new IllegalStateException("subscription failed: " + subscribed.status() + " " + subscribed.body());
            }
            String municipality = Tokens.municipalCaseworker();
            String corporationWorker = Tokens.token(corporation, "HOUSING_CORPORATION", "CASEWORKER");
            int runs = 200;
            for (int i = 0; i < runs; i++) {
                String client = JSON.readTree(http.post(command.baseUrl() + "/api/v1/clients", municipality, """
                        {"setting":"SHELTER","facility":"MO","region":"Regio-01","municipality":"Regio-01-gemeente-1",
                         "careProvider":"60100000","registeredOn":"2026-01-05"}""").body()).get("clientId").asText();
                http.post(command.baseUrl() + "/api/v1/clients/" + client + "/outflow-trajectory", municipality,
                        "{\"startedOn\":\"2026-01-10\"}");
                http.post(command.baseUrl() + "/api/v1/clients/" + client + "/arrangement-checklist", municipality, """
                        {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                         "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"2026-01-10"}""");
                // Only a corporation the coordination point asked may offer a dwelling.
                http.post(command.baseUrl() + "/api/v1/clients/" + client + "/housing-requests", municipality,
                        "{\"corporation\":\"%s\",\"requestedOn\":\"2026-01-11\"}".formatted(corporation));
                Http.Response offered = http.post(command.baseUrl() + "/api/v1/tenancies", corporationWorker, """
                        {"clientId":"%s","careProvider":"60100000","leaseForm":"CLIENT_LEASE","fromQuota":false,
                         "offeredOn":"2026-02-01","dwelling":{"address":"Straat 1","municipality":"Regio-01-gemeente-1",
                         "neighbourhood":"Wijk-1"}}""".formatted(client));
                if (offered.status() != 201) {
                    throw new IllegalStateException("offer failed: " + offered.status() + " " + offered.body());
                }
                String tenancy = JSON.readTree(offered.body()).get("tenancyId").asText();
                http.post(command.baseUrl() + "/api/v1/tenancies/" + tenancy + "/acceptance", municipality, "{\"on\":\"2026-02-02\"}");
                Http.Response contract = http.post(command.baseUrl() + "/api/v1/tenancies/" + tenancy + "/contract",
                        corporationWorker, "{\"on\":\"2026-02-03\"}");
                if (!contract.ok()) {
                    throw new IllegalStateException("contract failed: " + contract.status() + " " + contract.body());
                }
                App.sleep(50);
            }
            long until = System.currentTimeMillis() + 30_000;
            while (tenancyStarts.get() < runs && System.currentTimeMillis() < until) {
                App.sleep(100);
            }
        } finally {
            receiver.stop(0);
        }
        record("P5", "P5 partner delivery latency (event recorded -> webhook received)", "p99 <= 500 ms", latencies,
                "P5-partner-latency.json");
    }

    /** P6: the peak resident memory of each application over the whole run. */
    private void p6Memory(App command, App query) throws IOException {
        Map<String, Object> p6 = new LinkedHashMap<>();
        p6.put("name", "P6 peak memory (RSS, VmHWM) under load");
        p6.put("goal", "<= 512 MB per application");
        p6.put("javaOptions", javaOptions);
        p6.put("commandSidePeakMiB", Latencies.round(command.peakRssMib()));
        p6.put("querySidePeakMiB", Latencies.round(query.peakRssMib()));
        results.put("P6", p6);
        write("P6-memory.json", p6);
        System.out.printf(Locale.ROOT, "%nP6 peak RSS: command side %.0f MiB, query side %.0f MiB%n",
                command.peakRssMib(), query.peakRssMib());
    }

    private void record(String key, String name, String goal, Latencies latencies, String file) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.put("goal", goal);
        result.putAll(latencies.summary());
        results.put(key, result);
        try {
            write(file, result);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.printf(Locale.ROOT, "%n%s: n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", name, latencies.count(),
                latencies.percentile(50), latencies.percentile(99), latencies.percentile(100));
    }

    private void awaitCaughtUp(App query, List<String> projections, Duration limit) {
        Instant until = Instant.now().plus(limit);
        for (String projection : projections) {
            while (true) {
                Http.Response progress = http.get(query.baseUrl() + "/api/v1/admin/projections/" + projection, Tokens.admin());
                try {
                    JsonNode status = JSON.readTree(progress.body());
                    if (status.path("caughtUp").asBoolean() && status.path("position").asLong() >= status.path("head").asLong()) {
                        break;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                if (Instant.now().isAfter(until)) {
                    throw new IllegalStateException(projection + " did not catch up within " + limit);
                }
                App.sleep(100);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private String chart() {
        List<LatencyChart.Point> httpPoints = new ArrayList<>(), jdbcPoints = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) ((Map<String, Object>) results.get("P1")).get("runs")) {
            Map<String, Object> h = (Map<String, Object>) row.get("http"), j = (Map<String, Object>) row.get("jdbcBaseline");
            String label = row.get("concurrency") + " conc.";
            httpPoints.add(new LatencyChart.Point((double) h.get("throughput"), (double) h.get("p50Ms"), (double) h.get("p99Ms"), label));
            jdbcPoints.add(new LatencyChart.Point((double) j.get("throughput"), (double) j.get("p50Ms"), (double) j.get("p99Ms"), label));
        }
        return LatencyChart.svg("P1: latency against throughput (1, 8, 32 concurrent clients)", List.of(
                new LatencyChart.Series("HTTP command", "#c0392b", httpPoints),
                new LatencyChart.Series("JDBC insert+commit", "#2471a3", jdbcPoints)));
    }

    private void write(String file, Object value) throws IOException {
        JSON.writeValue(out.resolve(file).toFile(), value);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void recreateDatabase(String server, String user, String password) throws Exception {
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS weerthuis_bench WITH (FORCE)");
            statement.execute("CREATE DATABASE weerthuis_bench");
        }
    }
}
