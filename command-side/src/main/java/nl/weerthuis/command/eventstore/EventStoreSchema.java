package nl.weerthuis.command.eventstore;

import nl.weerthuis.kernel.eventstore.EventStoreTables;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Points Axon's JDBC engine at the tables the Flyway migrations create. The JDBC engine binds payloads as
 * {@code byte[]}, so PostgreSQL stores them as bytea, never as large objects that leak.
 */
@Configuration
public class EventStoreSchema {

    @Bean
    public EventSchema eventSchema() {
        return EventStoreTables.eventSchema();
    }

    /** Claims in this instance's name (see InstanceTokenStore). */
    @Bean
    public org.axonframework.eventhandling.tokenstore.TokenStore tokenStore(
            org.axonframework.common.jdbc.ConnectionProvider connections,
            org.axonframework.serialization.Serializer serializer, TokenSchema tokenSchema) {
        return nl.weerthuis.kernel.eventstore.InstanceTokenStore.create(connections, serializer, tokenSchema);
    }

    @Bean
    public TokenSchema tokenSchema() {
        return EventStoreTables.tokenSchema("token_entry");
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new GenericSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }
}
