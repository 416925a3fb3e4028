package nl.weerthuis.command.client;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link Client} aggregate with Axon without putting Spring annotations on the domain model. */
@Configuration
class ClientConfiguration {

    /** Loading replays at most this many events after the latest snapshot. */
    static final int SNAPSHOT_AFTER_EVENTS = 50;

    /** A bean, so that Spring's snapshotter finds the aggregate too. */
    @Bean
    AggregateFactory<Client> clientFactory() {
        return new GenericAggregateFactory<>(Client.class);
    }

    @Bean
    ConfigurerModule clientAggregate(AggregateFactory<Client> factory) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Client.class)
                .configureAggregateFactory(c -> factory)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_AFTER_EVENTS)));
    }
}
