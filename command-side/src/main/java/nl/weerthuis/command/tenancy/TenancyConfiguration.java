package nl.weerthuis.command.tenancy;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link Tenancy} aggregate with Axon, keeping Spring out of the domain model. */
@Configuration
class TenancyConfiguration {

    /** Loading replays at most this many events after the latest snapshot. */
    static final int SNAPSHOT_AFTER_EVENTS = 50;

    /** A bean, so that Spring's snapshotter finds the aggregate too. */
    @Bean
    AggregateFactory<Tenancy> tenancyFactory() {
        return new GenericAggregateFactory<>(Tenancy.class);
    }

    @Bean
    ConfigurerModule tenancyAggregate(AggregateFactory<Tenancy> factory) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Tenancy.class)
                .configureAggregateFactory(c -> factory)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_AFTER_EVENTS)));
    }
}
