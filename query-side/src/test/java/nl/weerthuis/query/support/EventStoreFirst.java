package nl.weerthuis.query.support;

import nl.weerthuis.kernel.eventstore.EventStoreMigrations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The shared event store's tables, created with the command side's migrations before the read store's, as the
 * command side would have: a query side starts against an event store that exists. A test context without them
 * started only when another test had created them in the same database first.
 */
@TestConfiguration
public class EventStoreFirst {

    @Bean
    FlywayMigrationStrategy eventStoreFirst(@Value("${weerthuis.database.event-store-schema}") String eventStoreSchema) {
        return readStore -> EventStoreMigrations.migrateBefore(readStore, eventStoreSchema);
    }
}
