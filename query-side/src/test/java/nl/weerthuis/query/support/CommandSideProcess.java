package nl.weerthuis.query.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The real command side, started from its packaged jar as a separate process on the query side's test schema, so a
 * test can drive the journey through the command API and read the outcome on the query side — the two applications
 * talking only through the shared event store, as in production. The reactor builds command-side first.
 */
public final class CommandSideProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private CommandSideProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static CommandSideProcess start(String schema) throws Exception {
        Path jar;
        try (var files = Files.list(Path.of("..", "command-side", "target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("command-side-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build command-side first: ./mvnw verify"));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = System.getenv().getOrDefault("WEERTHUIS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-Xmx384m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + url + "?currentSchema=" + schema,
                "--spring.datasource.username=" + System.getenv().getOrDefault("WEERTHUIS_TEST_DB_USER", "postgres"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("WEERTHUIS_TEST_DB_PASSWORD", ""),
                "--spring.flyway.schemas=" + schema,
                "--weerthuis.security.jwt-secret=" + TestTokens.SECRET,
                "--weerthuis.privacy.key-encryption-key=" + TestTokens.KEY_ENCRYPTION_KEY,
                "--db-scheduler.polling-interval=500ms",
                "--weerthuis.deadlines.settling-period=PT2S",
                "--db-scheduler.immediate-execution-enabled=true"));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.redirectErrorStream(true).redirectOutput(new File("target/command-side-process.log"));
        CommandSideProcess started = new CommandSideProcess(builder.start(), port);
        started.awaitHealthy();
        return started;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the command side stopped; see target/command-side-process.log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the command side did not become healthy in 120 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
