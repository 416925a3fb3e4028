package nl.weerthuis.command.eventstore;

import nl.weerthuis.kernel.eventstore.EventStoreMigrations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The command side owns the event store: its tables are migrated first (their own Flyway history), then the command
 * side's own tables ({@code db/command}, history {@code command_schema_history}), each in its own schema.
 */
@Configuration
public class EventStoreMigration {

    @Bean
    FlywayMigrationStrategy eventStoreFirst(@Value("${weerthuis.database.event-store-schema}") String eventStoreSchema) {
        return commandSide -> EventStoreMigrations.migrateBefore(commandSide, eventStoreSchema);
    }
}
