package nl.weerthuis.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What P1's registrations are measured against, at the same concurrency, each caller on a connection opened before
 * the clock starts. The <b>equal-work</b> baseline writes the rows a registration writes — its event (with its
 * hashes), the client's data key, the lookup and involvement rows — in one transaction, one statement each, into
 * copies of the real tables (same columns, indexes and constraints) in schema {@value #SCHEMA}; no HTTP, no JSON, no
 * aggregate, no encryption. The <b>floor</b> is one bare event-sized insert per transaction, as fast as the disk
 * commits. The rows a registration writes are counted in the real tables during the first HTTP run and reported, so
 * the two can be checked against each other.
 */
final class Baselines {

    static final String SCHEMA = "bench_baseline";
    private static final List<String> MIRRORED = List.of("domain_event_entry", "personal_data_key", "lookup_client",
            "lookup_aggregate_client", "lookup_client_involvement");

    private final App.Database database;
    private int payloadBytes = 620, metaDataBytes = 330, involvements = 1, keys = 1;

    Baselines(App.Database database) {
        this.database = database;
    }

    void create() throws SQLException {
        String events = database.eventStoreSchema(), command = database.schemaOf("command-side");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            statement.execute("CREATE SCHEMA " + SCHEMA);
            statement.execute("CREATE TABLE " + SCHEMA + ".floor (global_index BIGSERIAL PRIMARY KEY, event_identifier "
                    + "VARCHAR(255) NOT NULL UNIQUE, aggregate_identifier VARCHAR(255) NOT NULL, sequence_number BIGINT NOT NULL, "
                    + "payload BYTEA NOT NULL, meta_data BYTEA, time_stamp VARCHAR(255) NOT NULL)");
            // Its own sequence: numbers drawn from the store's would leave gaps every tracking processor must carry.
            statement.execute("CREATE TABLE " + SCHEMA + ".domain_event_entry (LIKE " + events
                    + ".domain_event_entry INCLUDING ALL EXCLUDING DEFAULTS)");
            statement.execute("CREATE SEQUENCE " + SCHEMA + ".event_index");
            statement.execute("ALTER TABLE " + SCHEMA + ".domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('"
                    + SCHEMA + ".event_index')");
            statement.execute("CREATE TABLE " + SCHEMA + ".personal_data_key (LIKE " + events + ".personal_data_key INCLUDING ALL)");
            for (String table : List.of("lookup_client", "lookup_aggregate_client", "lookup_client_involvement")) {
                statement.execute("CREATE TABLE " + SCHEMA + "." + table + " (LIKE " + command + "." + table + " INCLUDING ALL)");
            }
        }
    }

    /** Rows in every table of the event store's and the command side's schemas. */
    Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = connect()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement("""
                    SELECT table_schema || '.' || table_name FROM information_schema.tables
                    WHERE table_schema IN (?, ?) AND table_type = 'BASE TABLE'""")) {
                list.setString(1, database.eventStoreSchema());
                list.setString(2, database.schemaOf("command-side"));
                try (ResultSet rows = list.executeQuery()) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (Statement count = connection.createStatement(); ResultSet row = count.executeQuery("SELECT count(*) FROM " + table)) {
                    row.next();
                    counts.put(table.substring(table.indexOf('.') + 1), row.getLong(1));
                }
            }
        }
        return counts;
    }

    /**
     * Rows per registration in each table since {@code before}, warm-up included; the
     * equal-work baseline then writes as many keys and involvements, with an event of the registrations' own size.
     */
    Map<String, Double> rowsPerRegistration(Map<String, Long> before) throws SQLException {
        Map<String, Long> after = rowCounts();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT avg(length(payload)), avg(length(meta_data)) FROM (SELECT payload, meta_data
                     FROM domain_event_entry WHERE payload_type LIKE '%ClientRegisteredEvent'
                     ORDER BY global_index DESC LIMIT 100) latest""")) {
            row.next();
            payloadBytes = (int) Math.round(row.getDouble(1));
            metaDataBytes = (int) Math.round(row.getDouble(2));
        }
        // Each registration (warm-up included) appends exactly one event.
        long total = after.getOrDefault("domain_event_entry", 0L) - before.getOrDefault("domain_event_entry", 0L);
        Map<String, Double> perRegistration = new TreeMap<>();
        for (Map.Entry<String, Long> table : after.entrySet()) {
            long added = table.getValue() - before.getOrDefault(table.getKey(), 0L);
            if (added > 0 && total > 0) {
                perRegistration.put(table.getKey(), Latencies.round((double) added / total));
            }
        }
        involvements = (int) Math.max(0, Math.round(perRegistration.getOrDefault("lookup_client_involvement", 1.0)));
        keys = (int) Math.max(0, Math.round(perRegistration.getOrDefault("personal_data_key", 1.0)));
        perRegistration.keySet().stream().filter(table -> !MIRRORED.contains(table) && perRegistration.get(table) >= 0.5)
                .forEach(table -> System.out.println("note: a registration also writes " + table
                        + ", which the equal-work baseline does not mirror"));
        return perRegistration;
    }

    String describe() {
        return String.format(java.util.Locale.ROOT, "1 event of %d+%d bytes, %d data key, 1 client and 1 aggregate lookup, "
                + "%d involvement row(s)", payloadBytes, metaDataBytes, keys, involvements);
    }

    /** One caller of the equal-work baseline: its connection and statements, prepared before the clock starts. */
    Bench.Caller equalWork() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        PreparedStatement key = connection.prepareStatement("INSERT INTO " + SCHEMA
                + ".personal_data_key (subject_id, wrapped_key, created_at, kek_id) VALUES (?, ?, ?, ?)");
        PreparedStatement event = connection.prepareStatement("INSERT INTO " + SCHEMA + ".domain_event_entry (event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data, "
                + "event_hash, previous_hash) VALUES (?, ?, 0, 'Client', ?, 'nl.weerthuis.kernel.client.ClientRegisteredEvent', "
                + "NULL, ?, ?, ?, ?)");
        PreparedStatement client = connection.prepareStatement("INSERT INTO " + SCHEMA + ".lookup_client (client_id, setting, "
                + "region, municipality, trajectory_open, debts_stabilised, registered_by) VALUES (?, 'SHELTER', 'Regio-01', "
                + "'Regio-01-gemeente-1', FALSE, FALSE, ?)");
        PreparedStatement aggregate = connection.prepareStatement("INSERT INTO " + SCHEMA
                + ".lookup_aggregate_client (aggregate_identifier, client_id) VALUES (?, ?)");
        PreparedStatement involvement = connection.prepareStatement("INSERT INTO " + SCHEMA + ".lookup_client_involvement "
                + "(client_id, organisation, organisation_type, basis, reference, from_date) VALUES (?, ?, 'MUNICIPALITY', "
                + "'CLIENTS_MUNICIPALITY', ?, ?)");
        Random random = new Random();
        byte[] payload = new byte[payloadBytes], metaData = new byte[metaDataBytes], wrapped = new byte[60];
        random.nextBytes(payload);
        random.nextBytes(metaData);
        random.nextBytes(wrapped);
        String hash = HexFormat.of().formatHex(new byte[32]);
        return new Bench.Caller() {
            @Override
            public long call() throws SQLException {
                long start = System.nanoTime();
                String id = UUID.randomUUID().toString();
                for (int i = 0; i < keys; i++) {
                    key.setString(1, i == 0 ? id : id + "-" + i);
                    key.setBytes(2, wrapped);
                    key.setTimestamp(3, Timestamp.from(Instant.now()));
                    key.setString(4, "bench");
                    key.executeUpdate();
                }
                event.setString(1, UUID.randomUUID().toString());
                event.setString(2, id);
                event.setString(3, Instant.now().toString());
                event.setBytes(4, payload);
                event.setBytes(5, metaData);
                event.setString(6, hash);
                event.setString(7, hash);
                event.executeUpdate();
                client.setString(1, id);
                client.setString(2, Tokens.MUNICIPALITY);
                client.executeUpdate();
                aggregate.setString(1, id);
                aggregate.setString(2, id);
                aggregate.executeUpdate();
                for (int i = 0; i < involvements; i++) {
                    involvement.setString(1, id);
                    involvement.setString(2, Tokens.MUNICIPALITY);
                    involvement.setString(3, id);
                    involvement.setDate(4, Date.valueOf(LocalDate.of(2026, 1, 5)));
                    involvement.executeUpdate();
                }
                connection.commit();
                return System.nanoTime() - start;
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    /** One caller of the floor: one event-sized row inserted and committed. */
    Bench.Caller singleInsert() throws SQLException {
        Connection connection = connect();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA + ".floor (event_identifier, "
                + "aggregate_identifier, sequence_number, payload, meta_data, time_stamp) VALUES (?, ?, 0, ?, ?, ?)");
        byte[] payload = new byte[payloadBytes], metaData = new byte[metaDataBytes];
        new Random(1).nextBytes(payload);
        return new Bench.Caller() {
            @Override
            public long call() throws SQLException {
                long start = System.nanoTime();
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, id);
                insert.setBytes(3, payload);
                insert.setBytes(4, metaData);
                insert.setString(5, Instant.now().toString());
                insert.executeUpdate();
                return System.nanoTime() - start;
            }

            @Override
            public void close() throws SQLException {
                connection.close();
            }
        };
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
