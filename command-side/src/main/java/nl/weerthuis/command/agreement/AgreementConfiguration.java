package nl.weerthuis.command.agreement;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AgreementConfiguration {

    /** Loading replays at most this many events after the latest snapshot. */
    static final int SNAPSHOT_AFTER_EVENTS = 50;

    /** A bean, so that Spring's snapshotter finds the aggregate too. */
    @Bean
    AggregateFactory<RegionalAgreement> regionalAgreementFactory() {
        return new GenericAggregateFactory<>(RegionalAgreement.class);
    }

    @Bean
    ConfigurerModule regionalAgreementAggregate(AggregateFactory<RegionalAgreement> factory) {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(RegionalAgreement.class)
                .configureAggregateFactory(c -> factory)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), SNAPSHOT_AFTER_EVENTS)));
    }
}
