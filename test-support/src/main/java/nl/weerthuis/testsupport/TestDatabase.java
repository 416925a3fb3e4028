package nl.weerthuis.testsupport;

import nl.weerthuis.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The PostgreSQL the tests run against: the one named by {@code WEERTHUIS_TEST_DB_URL} (with {@code _USER} and
 * {@code _PASSWORD}) when set, else an embedded server started on first use — one per test JVM, reused by every
 * test class in it, stopped and removed when the JVM ends. So {@code ./mvnw verify} needs nothing but Java.
 */
public final class TestDatabase {

    /** Where the unpacked server binaries are kept between test runs (readable by the unprivileged server user). */
    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "weerthuis-test-postgres");

    private static volatile TestDatabase instance;

    private final String url;
    private final String user;
    private final String password;
    private final boolean embedded;

    private TestDatabase(String url, String user, String password, boolean embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = configuredOrEmbedded();
                }
            }
        }
        return instance;
    }

    /** The database's JDBC URL, without parameters (callers add {@code ?currentSchema=}). */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean embedded() {
        return embedded;
    }

    /** The URL with a schema as the connection's current schema. */
    public String url(String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static TestDatabase configuredOrEmbedded() {
        String configured = System.getenv("WEERTHUIS_TEST_DB_URL");
        if (configured != null && !configured.isBlank()) {
            return new TestDatabase(configured, env("WEERTHUIS_TEST_DB_USER", "postgres"),
                    env("WEERTHUIS_TEST_DB_PASSWORD", ""), false);
        }
        try {
            Path home = Files.createTempDirectory("weerthuis-test-db-");
            Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            EmbeddedPostgres server = new EmbeddedPostgres(EmbeddedPostgres.install(BINARIES), home.resolve("data"), freePort());
            server.start();
            server.createDatabase("test");
            AtExit.run("stop-embedded-test-database", () -> {
                server.stop();
                deleteTree(home);
            });
            return new TestDatabase(server.jdbcUrl("test"), "postgres", "", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null ? otherwise : value;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: best effort
        }
    }
}
