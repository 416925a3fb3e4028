package nl.weerthuis.query.eventsource;

import com.zaxxer.hikari.HikariDataSource;
import nl.weerthuis.kernel.eventstore.EventStoreTables;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.eventhandling.EventMessage;
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
import java.util.List;

/**
 * The query side reads the command side's event store over its own, read-only connection pool, and keeps its
 * processors' tokens in its own read store ({@code query_token_entry}), next to the projections they feed: a
 * projection row and the token that produced it commit in one transaction.
 */
@Configuration
@org.springframework.scheduling.annotation.EnableScheduling
public class EventSourceConfiguration {

    /** The read models, each its own processing group (and processor), each with its own parked events. */
    public static final List<String> READ_MODELS = List.of("monitor", "history", "client-file", "partner-feed", "organisations");
    /**
     * The tables each read model writes, and nothing else does: a rebuild builds a new generation of exactly these in
     * shadow tables and swaps them in (see {@link ProjectionRebuilds}). The partner feed is not among them: its
     * sequence numbers are what partners page by and its deliveries what they were sent, so it is replayed in place.
     */
    public static final java.util.Map<String, List<String>> READ_MODEL_TABLES = java.util.Map.of(
            "monitor", List.of("monitor_client_registration", "monitor_care_stay", "monitor_trajectory",
                    "monitor_tenancy", "monitor_return_to_care", "monitor_signal", "monitor_waakvlam",
                    "monitor_waakvlam_missed", "monitor_agreement", "monitor_quota", "monitor_target"),
            "history", List.of("history_subject", "history_agreement_version"),
            "client-file", List.of("file_involvement", "file_tenancy", "file_signal", "file_indication", "file_consent",
                    "file_agreement"),
            "organisations", List.of("organisation"));
    /** Events per transaction of the read models that write per batch (see SealedTextEvents.READ_MODELS). */
    static final int BATCH_SIZE = 1000;
    /** Diagnostics key of a parked event: how often handling it failed. */
    static final String ATTEMPTS = "attempts";

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
        return storageEngine(eventStoreDataSource, eventSerializer, serializer, persistenceExceptionResolver, configuration);
    }

    private static EventStorageEngine storageEngine(DataSource eventStoreDataSource, Serializer eventSerializer,
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

    /** The store for read models that use no personal text: read the same way, its sealed texts left sealed. */
    @Bean
    SealedTextEvents sealedTextEvents(@Qualifier("eventStoreDataSource") DataSource eventStoreDataSource,
                                      com.fasterxml.jackson.databind.ObjectMapper web,
                                      nl.weerthuis.kernel.privacy.PersonalDataCipher cipher, Serializer serializer,
                                      PersistenceExceptionResolver persistenceExceptionResolver,
                                      org.axonframework.config.Configuration configuration,
                                      @Value("${weerthuis.event-store.poll-interval-ms:250}") long pollIntervalMs) {
        return new SealedTextEvents(nl.weerthuis.kernel.eventstore.SharedEventCache.bounded(EmbeddedEventStore.builder(),
                        storageEngine(eventStoreDataSource,
                                nl.weerthuis.kernel.privacy.SealingSerializers.jacksonLeavingSealed(web, cipher),
                                serializer, persistenceExceptionResolver, configuration))
                .fetchDelay(pollIntervalMs)
                .build());
    }

    /** Renamed event classes read under their current names, as the command side reads them. */
    @Bean
    org.axonframework.serialization.upcasting.event.EventUpcaster eventRenames() {
        return nl.weerthuis.kernel.eventstore.EventRenames.upcasters();
    }

    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                  @Value("${weerthuis.event-store.poll-interval-ms:250}") long pollIntervalMs) {
        // Events are appended by another process, so nothing wakes the producer: it polls, briefly.
        return nl.weerthuis.kernel.eventstore.SharedEventCache.bounded(EmbeddedEventStore.builder(), eventStorageEngine)
                .fetchDelay(pollIntervalMs)
                .build();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new JdbcSQLErrorCodesResolver();
    }

    /** The name this instance claims segments in. */
    public record ProcessingNode(String id) {
    }

    @Bean
    ProcessingNode processingNode() {
        return new ProcessingNode(nl.weerthuis.kernel.eventstore.InstanceTokenStore.newNodeId());
    }

    /** Claims in this instance's name (see InstanceTokenStore), in the read store next to the projections. */
    @Bean
    org.axonframework.eventhandling.tokenstore.TokenStore tokenStore(
            org.axonframework.common.jdbc.ConnectionProvider connections, Serializer serializer, TokenSchema tokenSchema,
            ProcessingNode node) {
        return nl.weerthuis.kernel.eventstore.InstanceTokenStore.create(connections, serializer, tokenSchema, node.id());
    }

    @Bean
    TokenSchema tokenSchema() {
        return EventStoreTables.tokenSchema("query_token_entry");
    }

    /**
     * Every read model runs in a pooled streaming processor of its own, so it can be replayed alone; each client's
     * events go to one segment, in order. Instances share the segments by their fair share ({@link FairShare}); each
     * counts what it handled ({@link HandledEvents}).
     */
    @Bean
    ConfigurerModule pooledStreamingProcessors(FairShare fairShare, org.springframework.jdbc.core.JdbcTemplate jdbc,
                                               org.springframework.beans.factory.ObjectProvider<SealedTextEvents> sealedTextEvents) {
        // Batches of 100 events per transaction: one commit (and one token update) per batch, not per event.
        return configurer -> {
            var processing = configurer.eventProcessing().usingPooledStreamingEventProcessors()
                    .registerDefaultSequencingPolicy(c -> new PerClientSequencing())
                    .registerPooledStreamingEventProcessorConfiguration((config, builder) -> builder.batchSize(100)
                            .initialSegmentCount(fairShare.initialSegments())
                            .maxSegmentProvider(fairShare));
            for (String readModel : READ_MODELS) {
                processing.registerHandlerInterceptor(readModel,
                        config -> new HandledEvents(readModel, fairShare.instance(), jdbc));
            }
            for (String readModel : SealedTextEvents.READ_MODELS) {
                // These write per batch (UnitOfWorkBatch): the larger the batch, the fewer its statements.
                // (Looked up when the processor is built: the source itself needs Axon's configuration.)
                processing.registerPooledStreamingEventProcessorConfiguration(readModel, (config, builder) ->
                        builder.messageSource(sealedTextEvents.getObject()).batchSize(BATCH_SIZE));
            }
        };
    }

    @Bean
    GenerationFence generationFence(@Qualifier("readStore") DataSource readStore) {
        return new GenerationFence(new org.springframework.jdbc.core.JdbcTemplate(readStore));
    }

    /** The live processors of rebuildable read models work within their generation (see GenerationFence). */
    @Bean
    ConfigurerModule fenceLiveGenerations(GenerationFence fence) {
        return configurer -> READ_MODEL_TABLES.keySet().forEach(readModel -> configurer.eventProcessing()
                .registerTransactionManager(readModel, config -> fence.around(readModel,
                        config.getComponent(org.axonframework.common.transaction.TransactionManager.class),
                        () -> config.eventProcessingConfiguration()
                                .eventProcessor(readModel, org.axonframework.eventhandling.StreamingEventProcessor.class)
                                .orElseThrow())));
    }

    /**
     * An event a read model cannot handle is never dropped and never stops the others: it is parked in Axon's
     * sequenced dead-letter queue in the read store, with every later event of the same client behind it, while
     * every other client carries on. {@link ParkedEvents} retries, lists and evicts them.
     */
    @Bean
    ConfigurerModule parkEventsThatFail(@Qualifier("readStore") DataSource readStore,
                                        @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            // Per read model, not as a provider: Axon's Spring Boot module registers a provider of its own (for its
            // dlq properties) that would replace one registered here.
            for (String readModel : READ_MODELS) {
                processing.registerDeadLetterQueue(readModel, config -> deadLetterQueue(readModel, config, readStore,
                        eventSerializer, serializer));
            }
            processing.registerDefaultDeadLetterPolicy(config -> parkAgain());
            for (String readModel : READ_MODELS) {
                // A rebuild replays every event anyway, so it starts without parked ones. The cache spares a lookup
                // in the queue per event; it is kept per segment, made when a segment is claimed (from the queue as
                // it is then) and dropped when the segment is released, so it holds across instances.
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(readModel,
                        (config, builder) -> builder.allowReset(true).enableSequenceIdentifierCache());
            }
        };
    }

    /** A failed event is parked (again), counting its attempts. */
    static org.axonframework.messaging.deadletter.EnqueuePolicy<EventMessage<?>> parkAgain() {
        return (letter, cause) -> Decisions.requeue(cause,
                failed -> failed.diagnostics().and(ATTEMPTS, ParkedEvents.attempts(failed) + 1));
    }

    static JdbcSequencedDeadLetterQueue<EventMessage<?>> deadLetterQueue(
            String group, org.axonframework.config.Configuration config, DataSource readStore, Serializer eventSerializer,
            Serializer serializer) {
        return JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup(group)
                    .connectionProvider(new SpringDataSourceConnectionProvider(readStore))
                    .transactionManager(config.getComponent(org.axonframework.common.transaction.TransactionManager.class))
                    .schema(DeadLetterSchema.builder().deadLetterTable("dead_letter_entry").build())
                    .genericSerializer(serializer)
                    .eventSerializer(eventSerializer)
                    // Room for every client: a full queue would stop the processor, the opposite of the point.
                    .maxSequences(1_000_000)
                    .maxSequenceSize(100_000)
                    .build();
    }

    @Bean
    EachEventInASavepoint eachEventInASavepoint(org.springframework.transaction.PlatformTransactionManager transactions) {
        return new EachEventInASavepoint(transactions);
    }

    @Bean
    io.micrometer.core.instrument.binder.MeterBinder parkedEventsMetric(ParkedEvents parked) {
        return registry -> READ_MODELS.forEach(readModel -> io.micrometer.core.instrument.Gauge
                .builder("weerthuis.projections.parked.events", parked, p -> p.count(readModel))
                .description("Events a read model could not handle and parked (dead letters)")
                .tag("projection", readModel).register(registry));
    }
}
