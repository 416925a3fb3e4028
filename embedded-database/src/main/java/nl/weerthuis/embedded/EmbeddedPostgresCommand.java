package nl.weerthuis.embedded;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the launcher runs: {@code start|stop|status --home DIR [--port N] [--database NAME]}. The binaries are unpacked
 * under {@code DIR}, the data directory is {@code DIR/postgres}; both are kept between runs.
 */
public final class EmbeddedPostgresCommand {

    private EmbeddedPostgresCommand() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage();
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path home = Path.of(options.getOrDefault("home", "data"));
        int port = Integer.parseInt(options.getOrDefault("port", "15432"));
        EmbeddedPostgres server = new EmbeddedPostgres(EmbeddedPostgres.install(home), home.resolve("postgres"), port);
        try {
            switch (args[0]) {
                case "start" -> {
                    if (!server.isRunning()) {
                        server.start();
                    }
                    server.createDatabase(options.getOrDefault("database", "weerthuis"));
                    System.out.println(server.jdbcUrl(options.getOrDefault("database", "weerthuis")));
                }
                case "stop" -> server.stop();
                case "status" -> {
                    boolean running = server.isRunning();
                    System.out.println(running ? "running" : "not running");
                    System.exit(running ? 0 : 3);
                }
                default -> usage();
            }
        } catch (RuntimeException e) {
            System.err.println("embedded PostgreSQL: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage() {
        System.err.println("usage: start|stop|status --home DIR [--port N] [--database NAME]");
        System.exit(2);
    }
}
