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
    /** Where the applications listen: {@code --ports 18081,18082} by default, so two benches can run side by side. */
    private final int commandPort, queryPort;
    /** Every read model the query side keeps: a phase starts only once all of them have caught up. */
    private static final List<String> PROJECTIONS = List.of("monitor", "history", "client-file", "partner-feed");
    private static final int[] CONCURRENCY = {1, 8, 32};

    private final Http http = new Http();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Path out;
    private final App.Database database;
    private final String javaOptions;
    private final Settings settings;
    private CpuMeter cpu;

    /**
     * How long and how often: {@code warmupSeconds} of unmeasured work before every measured run or series (the
     * JIT, the caches and the pools warm), {@code samples} measured requests for P3 and P4 (enough for a p99 that
     * is not the third-worst sample), {@code seconds} per measured P1 run, {@code partnerRuns} journeys for P5;
     * a P1 run's warm-up then goes on until its rate has settled, for at most {@code settleLimitSeconds}.
     */
    record Settings(int warmupSeconds, int samples, int seconds, int partnerRuns, int seriesLimitSeconds,
                    int settleLimitSeconds) {
    }

    private Bench(Path out, App.Database database, String javaOptions, Settings settings, int[] ports) {
        this.commandPort = ports[0];
        this.queryPort = ports[1];
        this.out = out;
        this.database = database;
        this.javaOptions = javaOptions;
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        // One size, or a sweep (--clients 10000,100000,1000000): the store grows step by step, P2 and P4 are
        // measured at every step, everything else at the last.
        int[] sizes = java.util.Arrays.stream(options.getOrDefault("clients", "100000").split(","))
                .mapToInt(size -> Integer.parseInt(size.trim().replace("_", ""))).sorted().toArray();
        long seed = Long.parseLong(options.getOrDefault("seed", "20261123"));
        Settings settings = new Settings(Integer.parseInt(options.getOrDefault("warmup", "30")),
                Integer.parseInt(options.getOrDefault("samples", "3000")),
                Integer.parseInt(options.getOrDefault("seconds", "10")),
                Integer.parseInt(options.getOrDefault("partner-runs", "200")),
                Integer.parseInt(options.getOrDefault("series-limit", "300")),
                Integer.parseInt(options.getOrDefault("settle-limit", "180")));
        String server = options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/");
        String user = options.getOrDefault("user", "postgres");
        String password = options.getOrDefault("password", System.getenv().getOrDefault("PGPASSWORD", ""));
        String name = options.getOrDefault("database", "weerthuis_bench");
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--database is a plain PostgreSQL name: " + name);
        }
        Path out = App.root().resolve("bench").resolve("results");
        Files.createDirectories(out);
        recreateDatabase(server, user, password, name);
        App.Database database = new App.Database(server + name, user, password, "");
        int[] ports = java.util.Arrays.stream(options.getOrDefault("ports", "18081,18082").split(","))
                .mapToInt(port -> Integer.parseInt(port.trim())).toArray();
        if (ports.length != 2) {
            throw new IllegalArgumentException("--ports is the command side's port and the query side's: 18081,18082");
        }
        Bench bench = new Bench(out, database, options.getOrDefault("java-opts", App.defaultJavaOptions()), settings, ports);
        bench.run(sizes, seed);
    }

    private void run(int[] sizes, long seed) throws Exception {
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version"),
                "java", System.getProperty("java.version"), "appJavaOptions", javaOptions, "database", "PostgreSQL (local)"));
        results.put("settings", Map.of("warmupSeconds", settings.warmupSeconds(), "settleLimitSeconds",
                settings.settleLimitSeconds(), "samples", settings.samples(),
                "secondsPerRun", settings.seconds(), "partnerRuns", settings.partnerRuns(),
                "seriesLimitSeconds", settings.seriesLimitSeconds(),
                "clients", java.util.Arrays.stream(sizes).boxed().toList()));
        cpu = new CpuMeter(postmaster());
        List<Map<String, Object>> sweep = new ArrayList<>();
        List<String> clientIds = new ArrayList<>();
        try (App command = App.start("command-side", commandPort, database, javaOptions)) {
            cpu.with("commandSide", command.pid());
            App query = null;
            try {
                long events = 0;
                int loaded = 0;
                double loadSeconds = 0;
                for (int size : sizes) {
                    Map<String, Object> step = new LinkedHashMap<>();
                    CpuMeter.Snapshot before = cpu.snapshot();
                    Instant loadStart = Instant.now();
                    Population.Generated grown = new Population(seed).generate(database, loaded, size, 4);
                    clientIds.addAll(grown.clientIds());
                    events += grown.events();
                    loaded = size;
                    // As autovacuum would in production (it is off on many bench servers): fresh statistics, a visibility map.
                    vacuumAnalyze();
                    loadSeconds = Duration.between(loadStart, Instant.now()).toMillis() / 1000.0;
                    step.put("clients", size);
                    step.put("events", events);
                    step.put("loadSeconds", loadSeconds);
                    step.put("loadCpu", cpu.since(before));
                    System.out.printf(Locale.ROOT, "%nPopulation: %,d clients, %,d events, loaded in %.1f s; %s%n", size,
                            events, loadSeconds, CpuMeter.describe(cpu.since(before)));
                    if (query == null) {
                        query = App.start("query-side", queryPort, database, javaOptions);
                        cpu.with("querySide", query.pid());
                    }
                    before = cpu.snapshot();
                    awaitCaughtUp(query, PROJECTIONS, Duration.ofMinutes(120));
                    vacuumAnalyze(); // the read store, now filled
                    step.put("catchUpCpu", cpu.since(before));
                    System.out.println("Query side caught up; " + CpuMeter.describe(cpu.since(before)));
                    step.put("P2", p2Rebuild(query));
                    step.put("P4", p4Monitor(query));
                    sweep.add(step);
                }
                java.util.Collections.sort(clientIds); // P3's random picks the same clients every run
                Map<String, Object> last = sweep.get(sweep.size() - 1);
                results.put("population", Map.of("clients", loaded, "events", events, "regions", Population.REGIONS,
                        "seed", seed, "loadSeconds", loadSeconds, "interleaved", true));
                results.put("P2", last.get("P2"));
                results.put("P4", last.get("P4"));
                write("P2-rebuild.json", last.get("P2"));
                write("P4-monitor.json", last.get("P4"));
                results.put("sweep", sweep);
                write("sweep.json", sweep);
                p3History(query, clientIds);
                p5PartnerLatency(command, query);
                p1Commands(command, query);
                p6Memory(command, query);
            } finally {
                if (query != null) {
                    query.close();
                }
            }
        }
        write("summary.json", results);
        Files.writeString(out.resolve("latency-throughput.svg"), chart());
        if (sweep.size() > 1) {
            Files.writeString(out.resolve("growth-rebuild.svg"), GrowthChart.rebuild(sweep));
            Files.writeString(out.resolve("growth-monitor.svg"), GrowthChart.monitor(sweep));
        }
        ReadmeFigures.update(App.root().resolve("README.md"), results);
        System.out.println("\nResults in " + out);
    }

    /**
     * P1: registrations over HTTP at 1, 8 and 32 concurrent callers, against two baselines at the same concurrency:
     * the same rows a registration writes in one transaction (equal work), and one bare insert (the physical floor).
     */
    @SuppressWarnings("unchecked")
    private void p1Commands(App command, App query) throws Exception {
        Baselines baselines = new Baselines(database);
        baselines.create();
        List<Map<String, Object>> rows = new ArrayList<>();
        String token = Tokens.municipalCaseworker();
        Caller registration = () -> {
            Http.Response response = http.post(command.baseUrl() + "/api/v1/clients", token, """
                    {"setting":"SHELTER","facility":"Nachtopvang","region":"Regio-01","municipality":"Regio-01-gemeente-1",
                     "careProvider":"60100000","registeredOn":"2026-01-05",
                     "personalDetails":{"name":"Bench Client","dateOfBirth":"1980-01-01"}}""");
            if (response.status() != 201) {
                throw new IllegalStateException("registration failed: " + response.status() + " " + response.body());
            }
            return response.nanos();
        };
        for (int concurrency : CONCURRENCY) {
            awaitCaughtUp(query, PROJECTIONS, Duration.ofMinutes(30));
            Map<String, Long> rowsBefore = concurrency == 1 ? baselines.rowCounts() : Map.of();
            Map<String, Object> httpRun = timed(concurrency, () -> registration);
            if (concurrency == 1) {
                // What one registration writes, counted in the tables themselves: what the equal-work baseline writes.
                Map<String, Double> perRegistration = baselines.rowsPerRegistration(rowsBefore);
                results.put("rowsPerRegistration", perRegistration);
                System.out.println("\nRows one registration writes: " + perRegistration);
            }
            // The projections' backlog of these registrations would otherwise steal the baselines' CPU.
            awaitCaughtUp(query, PROJECTIONS, Duration.ofMinutes(30));
            Map<String, Object> equalWork = timed(concurrency, baselines::equalWork);
            Map<String, Object> floor = timed(concurrency, baselines::singleInsert);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("concurrency", concurrency);
            row.put("http", httpRun);
            row.put("equalWorkBaseline", equalWork);
            row.put("jdbcBaseline", floor);
            row.put("ratio", Latencies.round((double) httpRun.get("throughput") / (double) equalWork.get("throughput")));
            row.put("ratioToFloor", Latencies.round((double) httpRun.get("throughput") / (double) floor.get("throughput")));
            rows.add(row);
        }
        Map<String, Object> p1 = new LinkedHashMap<>();
        p1.put("name", "P1 command throughput and latency (POST /api/v1/clients)");
        p1.put("goal", "throughput >= 0.5 x equal-work baseline, p99 <= 25 ms at 32; >= 800/s at 1");
        p1.put("secondsPerRun", settings.seconds());
        p1.put("warmupSeconds", settings.warmupSeconds());
        p1.put("equalWorkRows", baselines.describe());
        p1.put("runs", rows);
        results.put("P1", p1);
        write("P1-commands.json", p1);
        System.out.println("\nP1 registrations over HTTP vs the equal-work baseline (" + baselines.describe()
                + ", one transaction) and the single-insert floor");
        System.out.println("conc |   HTTP/s |  p50 ms |  p99 ms | equal/s | p99 ms |  floor/s | p99 ms | ratio | to floor");
        for (Map<String, Object> row : rows) {
            Map<String, Object> h = (Map<String, Object>) row.get("http"), e = (Map<String, Object>) row.get("equalWorkBaseline"),
                    j = (Map<String, Object>) row.get("jdbcBaseline");
            System.out.printf(Locale.ROOT, "%4d | %8.1f | %7.2f | %7.2f | %7.1f | %6.2f | %8.1f | %6.2f | %5.2f | %5.2f%n",
                    row.get("concurrency"), h.get("throughput"), h.get("p50Ms"), h.get("p99Ms"), e.get("throughput"),
                    e.get("p99Ms"), j.get("throughput"), j.get("p99Ms"), row.get("ratio"), row.get("ratioToFloor"));
            for (String run : List.of("http", "equalWorkBaseline", "jdbcBaseline")) {
                Map<String, Object> measured = (Map<String, Object>) row.get(run);
                System.out.println("     " + run + ": " + CpuMeter.describe((Map<String, Object>) measured.get("cpu"))
                        + "; warm-up went on " + measured.get("settleSeconds") + " s"
                        + (Boolean.TRUE.equals(measured.get("settled")) ? " until settled" : ", not settled at the limit"));
            }
        }
    }

    /** One caller's loop body: does one operation and returns its latency in nanoseconds. */
    interface Caller extends AutoCloseable {
        long call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens one caller (its connection, its prepared statements): before the clock starts, closed after it stops. */
    interface Callers {
        Caller open() throws Exception;
    }

    /**
     * {@code concurrency} callers, each opened before the warm-up and closed after the run, run for the warm-up and
     * then for the measured seconds: throughput, latency and each process's CPU seconds over the measured part.
     */
    private Map<String, Object> timed(int concurrency, Callers callers) throws Exception {
        List<Caller> opened = new ArrayList<>();
        try {
            for (int i = 0; i < concurrency; i++) {
                opened.add(callers.open());
            }
            runFor(opened, settings.warmupSeconds(), new Latencies());
            Warmed warmed = settle(opened);
            Latencies latencies = new Latencies();
            CpuMeter.Snapshot before = cpu.snapshot();
            long elapsed = runFor(opened, settings.seconds(), latencies);
            Map<String, Object> run = new LinkedHashMap<>(latencies.summary());
            run.put("calls", latencies.count());
            run.put("throughput", Latencies.round(rate(latencies, elapsed)));
            run.put("cpu", cpu.since(before));
            run.put("settleSeconds", warmed.seconds());
            run.put("settled", warmed.settled());
            return run;
        } finally {
            for (Caller caller : opened) {
                caller.close();
            }
        }
    }

    /**
     * After the fixed warm-up, the callers go on in windows of {@link Settling#WINDOW_SECONDS} until a window's rate
     * is close to the one before: on two cores a command side that has served few requests may still be compiling
     * minutes after it started (one C2 thread), and a measurement then would be of the JIT, not of the system.
     */
    private Warmed settle(List<Caller> callers) throws Exception {
        double previous = 0;
        int seconds = 0;
        while (seconds < settings.settleLimitSeconds()) {
            Latencies window = new Latencies();
            long elapsed = runFor(callers, Settling.WINDOW_SECONDS, window);
            seconds += Settling.WINDOW_SECONDS;
            double rate = rate(window, elapsed);
            if (Settling.settled(previous, rate)) {
                return new Warmed(seconds, true);
            }
            previous = rate;
        }
        return new Warmed(seconds, false);
    }

    /** How long a warm-up went on after its fixed part, and whether its rate settled before the limit. */
    private record Warmed(int seconds, boolean settled) {
    }

    private static double rate(Latencies calls, long elapsedNanos) {
        return calls.count() / (elapsedNanos / 1e9);
    }

    private static long runFor(List<Caller> callers, int seconds, Latencies latencies) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(callers.size());
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        for (Caller caller : callers) {
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        latencies.add(caller.call());
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

    /** P2: the monitor rebuilt from the whole store, against reading the event table straight through. */
    private Map<String, Object> p2Rebuild(App query) throws Exception {
        awaitCaughtUp(query, PROJECTIONS, Duration.ofMinutes(60));
        long events;
        double rawSeconds;
        CpuMeter.Snapshot before = cpu.snapshot();
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
        Map<String, Object> rawCpu = cpu.since(before);
        before = cpu.snapshot();
        Http.Response started = http.post(query.baseUrl() + "/api/v1/admin/projections/monitor/rebuild", Tokens.admin(), "");
        if (started.status() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.status() + " " + started.body());
        }
        Instant start = Instant.now();
        awaitCaughtUp(query, List.of("monitor"), Duration.ofMinutes(120));
        double rebuildSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Map<String, Object> rebuildCpu = cpu.since(before);
        double rate = Latencies.round(events / rebuildSeconds), rawRate = Latencies.round(events / rawSeconds);
        Map<String, Object> p2 = new LinkedHashMap<>();
        p2.put("name", "P2 monitor rebuild from the full store");
        p2.put("goal", ">= 100,000 events/s (>= 0.5 x the raw sequential read)");
        p2.put("events", events);
        p2.put("rebuildSeconds", rebuildSeconds);
        p2.put("rebuildEventsPerSecond", rate);
        p2.put("rawReadSeconds", rawSeconds);
        p2.put("rawReadEventsPerSecond", rawRate);
        p2.put("ratio", Latencies.round(rate / rawRate));
        p2.put("rebuildCpu", rebuildCpu);
        p2.put("rawReadCpu", rawCpu);
        System.out.printf(Locale.ROOT, "%nP2 monitor rebuild: %,.0f events/s (%.1f s); raw sequential read %,.0f events/s; ratio %.3f%n"
                        + "  rebuild  %s%n  raw read %s%n", rate, rebuildSeconds, rawRate, rate / rawRate,
                CpuMeter.describe(rebuildCpu), CpuMeter.describe(rawCpu));
        return p2;
    }

    /** P3: decision histories of random clients, as an auditor reads them. */
    private void p3History(App query, List<String> clientIds) {
        Random random = new Random(3);
        String auditor = Tokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
        Map<String, Object> p3 = series(query, "P3 decision history query (GET /api/v1/clients/{id}/history)", () -> {
            String client = clientIds.get(random.nextInt(clientIds.size()));
            // An inspectorate names the processing activity of each read.
            Http.Response response = http.get(query.baseUrl() + "/api/v1/clients/" + client + "/history", auditor,
                    Map.of("X-Processing-Activity", "audit-decision-history"));
            if (response.status() != 200) {
                throw new IllegalStateException("history failed: " + response.status() + " " + response.body());
            }
            return response.nanos();
        });
        p3.put("goal", "p99 <= 10 ms");
        results.put("P3", p3);
        writeQuietly("P3-history.json", p3);
    }

    /**
     * P4: monitor figures for random regions, periods and groupings; and, apart, the national worst case: the whole
     * country grouped by region.
     */
    private Map<String, Object> p4Monitor(App query) {
        Random random = new Random(4);
        String monitor = Tokens.token(Tokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR");
        String[] groupings = {"", "&groupBy=municipality", "&groupBy=quarter", "&groupBy=corporation"};
        Map<String, Object> regional = series(query, "P4 outflow monitor query, one region (GET /api/v1/monitor/outflow)", () -> {
            int year = 2023 + random.nextInt(3);
            return monitorQuery(query, monitor, "region=" + Population.region(random.nextInt(Population.REGIONS))
                    + "&from=" + year + "-01-01&to=" + year + "-12-31" + groupings[random.nextInt(groupings.length)]);
        });
        Map<String, Object> national = series(query, "P4 outflow monitor query, the whole country by region", () -> {
            int year = 2023 + random.nextInt(3);
            return monitorQuery(query, monitor, "from=" + year + "-01-01&to=" + year + "-12-31&groupBy=region");
        });
        Map<String, Object> p4 = new LinkedHashMap<>(regional);
        p4.put("name", "P4 outflow monitor query (GET /api/v1/monitor/outflow)");
        p4.put("goal", "p99 <= 20 ms, also for groupBy=region over the whole country");
        p4.put("national", national);
        return p4;
    }

    private long monitorQuery(App query, String token, String parameters) {
        Http.Response response = http.get(query.baseUrl() + "/api/v1/monitor/outflow?" + parameters, token);
        if (response.status() != 200) {
            throw new IllegalStateException("monitor failed: " + response.status() + " " + response.body());
        }
        return response.nanos();
    }

    interface Request {
        long send();
    }

    /**
     * One caller's requests, once every read model has caught up: a warm-up of {@code warmupSeconds}, then
     * {@code samples} measured ones, with each process's CPU seconds over the measured part.
     */
    private Map<String, Object> series(App query, String name, Request request) {
        awaitCaughtUp(query, PROJECTIONS, Duration.ofMinutes(30));
        long warmUntil = System.nanoTime() + settings.warmupSeconds() * 1_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            request.send();
        }
        Latencies latencies = new Latencies();
        CpuMeter.Snapshot before = cpu.snapshot();
        // A slow series stops at its time limit with the samples it has (their number is reported): 3,000 national
        // questions of a second each would take the better part of an hour.
        long stopAt = System.nanoTime() + settings.seriesLimitSeconds() * 1_000_000_000L;
        for (int i = 0; i < settings.samples() && System.nanoTime() < stopAt; i++) {
            latencies.add(request.send());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("name", name);
        result.putAll(latencies.summary());
        result.put("stoppedAtTimeLimit", latencies.count() < settings.samples());
        result.put("cpu", cpu.since(before));
        System.out.printf(Locale.ROOT, "%n%s: n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms%n  %s%n", name, latencies.count(),
                latencies.percentile(50), latencies.percentile(99), latencies.percentile(100),
                CpuMeter.describe((Map<String, Object>) result.get("cpu")));
        return result;
    }

    /** P5: from the moment an event is recorded to the moment the partner's webhook has it. */
    private void p5PartnerLatency(App command, App query) throws Exception {
        awaitCaughtUp(query, PROJECTIONS, Duration.ofMinutes(30));
        CpuMeter.Snapshot before = cpu.snapshot();
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
            int runs = settings.partnerRuns();
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
        Map<String, Object> p5 = new LinkedHashMap<>();
        p5.put("name", "P5 partner delivery latency (event recorded -> webhook received)");
        p5.put("goal", "p99 <= 500 ms");
        p5.putAll(latencies.summary());
        p5.put("cpu", cpu.since(before));
        results.put("P5", p5);
        write("P5-partner-latency.json", p5);
        System.out.printf(Locale.ROOT, "%nP5 partner delivery: n=%d p50 %.2f ms, p99 %.2f ms, max %.2f ms%n  %s%n",
                latencies.count(), latencies.percentile(50), latencies.percentile(99), latencies.percentile(100),
                CpuMeter.describe((Map<String, Object>) p5.get("cpu")));
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

    private void awaitCaughtUp(App query, List<String> projections, Duration limit) {
        Instant until = Instant.now().plus(limit);
        awaitCommandSideCaughtUp(until, limit);
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

    /**
     * The command side's own streaming processors (the journey process) work through the loaded store as well; a
     * phase measured while they still do would count their backlog against the phase. Caught up: every segment's
     * token is at the store's head.
     */
    private void awaitCommandSideCaughtUp(Instant until, Duration limit) {
        while (true) {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                long head;
                try (ResultSet row = statement.executeQuery("SELECT COALESCE(max(global_index), 0) FROM "
                        + database.eventStoreSchema() + ".domain_event_entry")) {
                    row.next();
                    head = row.getLong(1);
                }
                long behind = 0;
                try (ResultSet rows = statement.executeQuery("SELECT token FROM " + database.eventStoreSchema()
                        + ".token_entry")) {
                    while (rows.next()) {
                        byte[] token = rows.getBytes(1);
                        long position = token == null ? -1 : tokenIndex(JSON.readTree(token));
                        behind = Math.max(behind, head - position);
                    }
                }
                if (behind <= 0) {
                    return;
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the command side's tokens", e);
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("the command side's processors did not catch up within " + limit);
            }
            App.sleep(250);
        }
    }

    /** The position of a stored tracking token (a replay token's current one). */
    private static long tokenIndex(JsonNode token) {
        JsonNode current = token.has("currentToken") ? token.get("currentToken") : token;
        return current == null || current.isNull() ? -1 : current.path("index").asLong(-1);
    }

    @SuppressWarnings("unchecked")
    private String chart() {
        List<LatencyChart.Point> httpPoints = new ArrayList<>(), equalPoints = new ArrayList<>(), jdbcPoints = new ArrayList<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) ((Map<String, Object>) results.get("P1")).get("runs")) {
            String label = row.get("concurrency") + " conc.";
            httpPoints.add(point((Map<String, Object>) row.get("http"), label));
            equalPoints.add(point((Map<String, Object>) row.get("equalWorkBaseline"), label));
            jdbcPoints.add(point((Map<String, Object>) row.get("jdbcBaseline"), label));
        }
        return LatencyChart.svg("P1: latency against throughput (1, 8, 32 concurrent clients)", List.of(
                new LatencyChart.Series("HTTP command", "#c0392b", httpPoints),
                new LatencyChart.Series("equal-work JDBC", "#7d3c98", equalPoints),
                new LatencyChart.Series("JDBC insert+commit", "#2471a3", jdbcPoints)));
    }

    private static LatencyChart.Point point(Map<String, Object> run, String label) {
        return new LatencyChart.Point((double) run.get("throughput"), (double) run.get("p50Ms"), (double) run.get("p99Ms"), label);
    }

    private void writeQuietly(String file, Object value) {
        try {
            write(file, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** VACUUM ANALYZE over the whole database: statistics and visibility as a production store's autovacuum keeps them. */
    private void vacuumAnalyze() throws Exception {
        CpuMeter.Snapshot before = cpu.snapshot();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        }
        System.out.println("VACUUM ANALYZE; " + CpuMeter.describe(cpu.since(before)));
    }

    /** The PostgreSQL server's main process, so its CPU can be counted (when it runs on this machine). */
    private long postmaster() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            return CpuMeter.postmasterOf(row.getLong(1));
        }
    }

    private void write(String file, Object value) throws IOException {
        JSON.writeValue(out.resolve(file).toFile(), value);
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    private static void recreateDatabase(String server, String user, String password, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(server + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
    }
}
