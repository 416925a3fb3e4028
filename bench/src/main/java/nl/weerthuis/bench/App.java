package nl.weerthuis.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One of the two applications, started from its packaged jar as its own process, as in production. */
public final class App implements AutoCloseable {

    /** The processing log's keyed hash (query side). */
    public static final String PSEUDONYM_KEY = "pseudonym:bench-key-that-is-at-least-256-bits-long";
    /** base64 of "0123456789abcdef0123456789abcdef". */
    public static final String KEY_ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final String module;
    private final int port;
    private final Process process;

    private App(String module, int port, Process process) {
        this.module = module;
        this.port = port;
        this.process = process;
    }

    /**
     * One database both applications share, as in production: the event store, the command side's own tables and the
     * read store each in a schema of its own, named {@code <prefix>event_store}, {@code <prefix>command_side},
     * {@code <prefix>read_store}.
     */
    public record Database(String url, String user, String password, String schemaPrefix) {

        public String eventStoreSchema() {
            return schemaPrefix + "event_store";
        }

        public String schemaOf(String module) {
            return schemaPrefix + (module.equals("command-side") ? "command_side" : "read_store");
        }

        public java.util.List<String> schemas() {
            return java.util.List.of(eventStoreSchema(), schemaOf("command-side"), schemaOf("query-side"));
        }

        /** A connection URL on the event store's schema: what the bench and its generator read and write. */
        public String jdbcUrl() {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + eventStoreSchema();
        }
    }

    public static App start(String module, int port, Database database, String javaOptions, String... extraArgs) {
        Path jar = jarOf(module);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Daxoniq.update-checker.disabled=true"));
        command.addAll(List.of(javaOptions.split(" ")));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--weerthuis.database.schema=" + database.schemaOf(module),
                "--weerthuis.database.event-store-schema=" + database.eventStoreSchema(),
                // The bench's own token key pair (Tokens): RS256, as from an OIDC issuer.
                "--weerthuis.security.jwt-issuer=" + Tokens.ISSUER,
                "--weerthuis.security.public-key-location=file:" + Tokens.publicKeyFile().toAbsolutePath(),
                "--weerthuis.privacy.pseudonym-key=" + PSEUDONYM_KEY,
                // A bench run outlasts the default one-hour token lifetime; its tokens live two hours.
                "--weerthuis.security.max-token-lifetime=PT2H",
                "--weerthuis.privacy.key-encryption-key=" + KEY_ENCRYPTION_KEY,
                "--weerthuis.partners.allow-loopback-callbacks=true", "--db-scheduler.polling-interval=1s"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logFile(module, port));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        try {
            App app = new App(module, port, builder.start());
            // Generous: on a loaded 2-core machine a start that replays into a fresh read store takes minutes.
            app.awaitHealthy(Duration.ofMinutes(5));
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + module, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Peak resident set size (VmHWM) in MiB, read from /proc. */
    public double peakRssMib() {
        return procStatus("VmHWM:");
    }

    public double rssMib() {
        return procStatus("VmRSS:");
    }

    /** As a crash: no shutdown hooks, no flushing. */
    public void kill9() {
        try {
            new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).inheritIO().start().waitFor();
            process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " stopped while starting; see " + logFile(module, port));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(module + " did not become healthy within " + limit);
    }

    private double procStatus(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * The applications' JVM options as production starts them: {@code jvm.options} at the project's root, the file the
     * launcher and the Docker image pass to {@code java} (why those options: in the file). Read here rather than passed
     * as {@code @jvm.options}, so the results name the options themselves.
     */
    public static String defaultJavaOptions() {
        try {
            return String.join(" ", Files.readAllLines(root().resolve("jvm.options")).stream()
                    .map(line -> line.replaceFirst("#.*", "").trim()).filter(line -> !line.isEmpty())
                    .flatMap(line -> java.util.Arrays.stream(line.split("\\s+"))).toList());
        } catch (IOException e) {
            throw new IllegalStateException("could not read jvm.options", e);
        }
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bench").resolve("pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the project");
        }
        return dir;
    }

    /**
     * The application's executable jar: the one the Maven build resolved when it says so (system property
     * {@code weerthuis.<module>.jar}, as the reliability tests get it), else the one this checkout built.
     */
    private static Path jarOf(String module) {
        String resolved = System.getProperty("weerthuis." + module + ".jar");
        if (resolved != null && !resolved.isBlank() && Files.isRegularFile(Path.of(resolved))) {
            return Path.of(resolved);
        }
        File[] jars = root().resolve(module).resolve("target").toFile()
                .listFiles((d, name) -> name.startsWith(module + "-") && name.endsWith("-exec.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no " + module + " jar: run ./mvnw -DskipTests package first");
        }
        return jars[0].toPath();
    }

    private static File logFile(String module, int port) {
        File logs = root().resolve("bench").resolve("target").resolve("logs").toFile();
        logs.mkdirs();
        return new File(logs, module + "-" + port + ".log");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
