package nl.weerthuis.command.eventstore;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;

/**
 * Registers an aggregate with Axon without Spring annotations on the domain class, with one snapshot trigger each.
 * The snapshotter is the aggregate's own, built from Axon's configuration: Spring's snapshotter only knows
 * aggregates declared with {@code @Aggregate}, and a factory made outside the configuration would not resolve the
 * command handlers' injected resources.
 */
public final class AggregateRegistration {

    /** Loading replays at most this many events after the latest snapshot. */
    public static final int SNAPSHOT_AFTER_EVENTS = 50;

    private AggregateRegistration() {
    }

    public static <A> ConfigurerModule of(Class<A> type) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(snapshotter(c, type),
                        SNAPSHOT_AFTER_EVENTS)));
    }

    private static <A> AggregateSnapshotter snapshotter(Configuration c, Class<A> type) {
        return AggregateSnapshotter.builder()
                .eventStore(c.eventStore())
                .aggregateFactories(c.aggregateConfiguration(type).aggregateFactory())
                .repositoryProvider(c::repository)
                .parameterResolverFactory(c.parameterResolverFactory())
                .handlerDefinition(c.handlerDefinition(type))
                .transactionManager(c.getComponent(TransactionManager.class))
                .build();
    }
}
