package nl.weerthuis.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The server really starts (as user 65534 when we are root, as CI is), keeps its data across a restart, and stops. */
class EmbeddedPostgresTest {

    private Path home;
    private EmbeddedPostgres server;

    @AfterEach
    void cleanUp() {
        if (server != null) {
            server.stop();
        }
        EmbeddedPostgres.deleteTree(home);
    }

    @Test
    void starts_a_real_postgresql_of_the_production_major_version_that_keeps_its_data_across_a_restart() throws Exception {
        home = Files.createTempDirectory("weerthuis-embedded-test");
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        server = new EmbeddedPostgres(EmbeddedPostgres.install(home), home.resolve("postgres"), freePort());

        server.start();
        server.createDatabase("weerthuis");
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("weerthuis"), "postgres", "")) {
            ResultSet version = connection.createStatement().executeQuery("SHOW server_version_num");
            version.next();
            assertThat(version.getInt(1) / 10000).isEqualTo(Integer.parseInt(EmbeddedPostgres.version().split("\\.")[0]));
            connection.createStatement().execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
        }
        if (EmbeddedPostgres.isRoot()) {
            assertThat(Files.getOwner(server.dataDirectory()).getName()).isIn("nobody", String.valueOf(EmbeddedPostgres.UNPRIVILEGED));
        }

        server.stop();
        assertThat(server.isRunning()).isFalse();
        server.start();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("weerthuis"), "postgres", "")) {
            ResultSet kept = connection.createStatement().executeQuery("SELECT n FROM kept");
            assertThat(kept.next()).isTrue();
            assertThat(kept.getInt(1)).isEqualTo(42);
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
