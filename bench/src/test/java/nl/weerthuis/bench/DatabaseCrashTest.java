package nl.weerthuis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The derived read models commit without waiting for their write-ahead log (see DerivedCommits): a crash of the
 * database itself may take their last batches with it. Here PostgreSQL is stopped as by a power cut while commands
 * come in and the query side projects them, and started again: every acknowledged command is in the store (it commits
 * synchronously), and the read models, having lost at most whole batches with their tokens, handle those events again
 * and end with the figures a clean rebuild gives.
 */
class DatabaseCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Http http = new Http();
    private static final String JAVA = "-Xmx384m";
    private static EmbeddedPostgres server;
    private static Path home;
    private static App.Database database;

    @BeforeAll
    static void ownServer() throws Exception {
        home = Files.createTempDirectory("weerthuis-crash-db-");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "weerthuis-test-postgres");
        server = new EmbeddedPostgres(EmbeddedPostgres.install(binaries), home.resolve("data"), freePort());
        server.start();
        server.createDatabase("crash");
        database = new App.Database(server.jdbcUrl("crash"), "postgres", "", "crash_");
    }

    @AfterAll
    static void removeServer() {
        if (server != null) {
            server.stop();
        }
        if (home != null) {
            try (var paths = Files.walk(home)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (Exception ignored) {
                // a temporary directory: best effort
            }
        }
    }

    @Test
    void after_a_database_crash_no_acknowledged_command_is_lost_and_the_read_models_end_as_a_clean_rebuild()
            throws Exception {
        try (App command = App.start("command-side", freePort(), database, JAVA)) {
            new Population(11).generate(database, 1_000, 2);
            try (App query = App.start("query-side", freePort(), database, JAVA)) {
                await().atMost(Duration.ofMinutes(3)).until(() -> caughtUp(query));
                // Registrations keep coming while the database goes down: the read models are committing batches
                // of them, without waiting for their log, when it does.
                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> callers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Thread caller = new Thread(() -> {
                        while (running.get()) {
                            Http.Response response = http.post(command.baseUrl() + "/api/v1/clients",
                                    Tokens.municipalCaseworker(), Registrations.BODY);
                            if (response.status() == 201) {
                                acknowledged.add(Registrations.clientId(response));
                            }
                        }
                    });
                    caller.start();
                    callers.add(caller);
                }
                await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.size() >= 200);
                server.crash();
                running.set(false);
                for (Thread caller : callers) {
                    caller.join();
                }
                server.start();

                for (String client : acknowledged) {
                    assertThat(count("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '" + client
                            + "' AND payload_type LIKE '%ClientRegisteredEvent'")).as("acknowledged " + client).isOne();
                }
                long registrations = count("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ClientRegisteredEvent'");
                await().atMost(Duration.ofMinutes(5)).ignoreExceptions()
                        .until(() -> caughtUp(query) && Registrations.counted(query) == registrations);
                JsonNode recovered = figures(query);
                assertThat(http.post(query.baseUrl() + "/api/v1/admin/projections/monitor/rebuild", Tokens.admin(), "")
                        .status()).isEqualTo(202);
                await().atMost(Duration.ofMinutes(5)).ignoreExceptions()
                        .until(() -> caughtUp(query) && Registrations.counted(query) == registrations);
                assertThat(figures(query)).isEqualTo(recovered);
            }
        }
    }

    private static JsonNode figures(App query) throws Exception {
        return JSON.readTree(http.get(query.baseUrl() + "/api/v1/monitor/outflow?from=2023-01-01&to=2025-12-31&groupBy=region",
                Tokens.admin()).body());
    }

    private static JsonNode progress(App query) throws Exception {
        return JSON.readTree(http.get(query.baseUrl() + "/api/v1/admin/projections/monitor", Tokens.admin()).body());
    }

    private static boolean caughtUp(App query) {
        try {
            JsonNode progress = progress(query);
            return progress.path("caughtUp").asBoolean() && progress.path("position").asLong() >= progress.path("head").asLong();
        } catch (Exception notAnsweringYet) {
            return false;
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
