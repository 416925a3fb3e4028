package nl.weerthuis.command.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import nl.weerthuis.kernel.eventstore.HashChainedAppend;
import nl.weerthuis.kernel.eventstore.SharedEventCache;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC engine (bytea payloads, no JPA), appending every event into its aggregate's hash chain, chained to the
 * hash the aggregate was loaded with where it was, each append in turn with a long transaction's burst
 * ({@link BurstAppends}).
 */
@Configuration
class EventStoreEngine {

    /** Events read per query when an aggregate is loaded (Axon's default). */
    static final int AGGREGATE_BATCH = 100;

    @Bean
    BurstAppends eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema,
                                          @org.springframework.beans.factory.annotation.Value(
                                                  "${weerthuis.event-store.burst-lock-wait:PT30S}") java.time.Duration burstLockWait) {
        LoadedChainHeads heads = new LoadedChainHeads();
        return new BurstAppends(new ChainHeadReadingEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(AGGREGATE_BATCH)
                // An aggregate's sequence numbers have no gaps (each append takes the next; a batch commits whole),
                // so a batch short of the range it asked for is the last: no second query to find nothing.
                .finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_BATCH)
                .appendEvents(BurstAppends.inTurn(new HashChainedAppend(heads))), eventSchema, heads), eventSerializer, burstLockWait);
    }

    /** Axon's own event store (as its auto-configuration builds it), with a bounded cache ({@link SharedEventCache}). */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine,
                                  org.axonframework.config.Configuration configuration) {
        return SharedEventCache.bounded(EmbeddedEventStore.builder(), eventStorageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .build();
    }

    /** Renamed event classes read under their current names (the query side registers the same). */
    @Bean
    org.axonframework.serialization.upcasting.event.EventUpcaster eventRenames() {
        return nl.weerthuis.kernel.eventstore.EventRenames.upcasters();
    }

    /** Used by the engine above (and Axon's other JDBC components): PostgreSQL's duplicate keys are conflicts. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new PostgresDuplicateKeys();
    }
}
