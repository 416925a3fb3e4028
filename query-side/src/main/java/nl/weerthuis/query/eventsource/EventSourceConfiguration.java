package nl.weerthuis.query.eventsource;

import com.zaxxer.hikari.HikariDataSource;
import nl.weerthuis.kernel.eventstore.EventStoreTables;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;

/**
 * The query side reads the command side's event store over its own, read-only connection pool, and keeps its
 * processors' tokens in its own read store ({@code query_token_entry}), next to the projections they feed: a
 * projection row and the token that produced it commit in one transaction.
 */
@Configuration
public class EventSourceConfiguration {

    /** The read store: projections, tokens, processing log. By default the same database as the event store. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource")
    DataSourceProperties readStoreProperties() {
        return new DataSourceProperties();
    }

    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource readStore(DataSourceProperties readStoreProperties) {
        return readStoreProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    HikariDataSource eventStoreDataSource(@Value("${weerthuis.event-store.url}") String url,
                                          @Value("${weerthuis.event-store.username}") String username,
                                          @Value("${weerthuis.event-store.password}") String password,
                                          @Value("${weerthuis.database.event-store-schema}") String schema) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("event-store-read-only");
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        dataSource.setConnectionInitSql("SET search_path TO " + schema);
        // Enforced by the database, not by good intentions: this side can never append or alter an event.
        dataSource.setReadOnly(true);
        if (url.startsWith("jdbc:postgresql:")) {
            // pgjdbc otherwise applies read-only only inside explicit transactions, not to autocommit statements.
            dataSource.addDataSourceProperty("readOnlyMode", "always");
        }
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    @Bean
    EventStorageEngine eventStorageEngine(@Qualifier("eventStoreDataSource") DataSource eventStoreDataSource,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          org.axonframework.config.Configuration configuration) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(eventStoreDataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(EventStoreTables.eventSchema())
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                // A replay reads the store in pages of 1,000 events rather than Axon's default 100.
                .batchSize(1000)
                .build();
    }

    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                  @Value("${weerthuis.event-store.poll-interval-ms:250}") long pollIntervalMs) {
        // Events are appended by another process, so nothing wakes the producer: it polls, briefly.
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .fetchDelay(pollIntervalMs)
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    @Bean
    TokenSchema tokenSchema() {
        return EventStoreTables.tokenSchema("query_token_entry");
    }

    /**
     * Every read model runs in a pooled streaming processor of its own, so it can be replayed alone; each client's
     * events go to one segment, in order.
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(
            @Value("${weerthuis.processing.max-claimed-segments:16}") int maxClaimedSegments) {
        // Batches of 100 events per transaction: one commit (and one token update) per batch, not per event.
        // Scaling out to N instances: give each at most 16 / N segments, so every instance takes its share.
        return configurer -> configurer.eventProcessing().usingPooledStreamingEventProcessors()
                .registerDefaultSequencingPolicy(c -> new PerClientSequencing())
                .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder.batchSize(100)
                        .maxClaimedSegments(maxClaimedSegments));
    }
}
