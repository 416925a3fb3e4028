package nl.weerthuis.testsupport;

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

    /** The test installation's key-encryption key, as the modules' {@code application-test.yml} use it. */
    public static final String KEY_ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    /**
     * Starts the command side's packaged jar on the test database, its own tables in {@code schema}, the event store
     * in {@code eventStoreSchema} (where a query-side test context reads it). The jar is the one Maven resolved
     * for this build ({@code nl.weerthuis:command-side:jar:exec}, handed over by the build as the system property
     * {@code weerthuis.command-side.jar}), never whatever happens to lie in a target directory.
     */
    public static CommandSideProcess start(String schema, String eventStoreSchema) throws Exception {
        String configured = System.getProperty("weerthuis.command-side.jar");
        if (configured == null || configured.isBlank() || !Files.isRegularFile(Path.of(configured))) {
            throw new IllegalStateException("system property weerthuis.command-side.jar does not name the command side's "
                    + "packaged jar (" + configured + "); run the tests through Maven: ./mvnw verify");
        }
        Path jar = Path.of(configured);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TestDatabase database = TestDatabase.get();
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true", "-Xmx384m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--weerthuis.database.schema=" + schema,
                "--weerthuis.database.event-store-schema=" + eventStoreSchema,
                // The test installation's issuer and key, as TestTokens and the test identity provider sign.
                "--weerthuis.security.jwt-issuer=" + TestTokens.ISSUER,
                "--weerthuis.security.public-key-location=file:" + TestTokens.publicKeyFile().toAbsolutePath(),
                "--weerthuis.privacy.key-encryption-key=" + KEY_ENCRYPTION_KEY,
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
        Instant deadline = Instant.now().plusSeconds(300); // generous: a loaded 2-core machine starts slowly
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
        throw new IllegalStateException("the command side did not become healthy in 300 s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
