package nl.weerthuis.kernel.eventstore;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Creates and evolves the shared event store tables (migrations under {@code db/eventstore}). They have a Flyway
 * history of their own, apart from each application's own tables, so that both series number independently and never
 * need {@code outOfOrder} or a baseline to live in one database.
 */
public final class EventStoreMigrations {

    public static final String LOCATION = "classpath:db/eventstore";
    public static final String HISTORY_TABLE = "event_store_schema_history";

    private EventStoreMigrations() {
    }

    /** Migrates the event store tables in {@code schemas} (the first is where they live; none: the current one). */
    public static void migrate(DataSource dataSource, String... schemas) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schemas)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .load()
                .migrate();
    }

    /**
     * The event store's tables in {@code schema} first, then an application's own ({@code own}) over the same data
     * source: as the command side starts, and as query-side tests start in its place.
     */
    public static void migrateBefore(Flyway own, String schema) {
        migrate(own.getConfiguration().getDataSource(), schema);
        own.migrate();
    }
}
