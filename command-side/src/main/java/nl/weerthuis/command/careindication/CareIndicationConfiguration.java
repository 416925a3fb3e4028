package nl.weerthuis.command.careindication;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link CareIndication} aggregate with Axon, keeping Spring out of the domain model. */
@Configuration
class CareIndicationConfiguration {

    @Bean
    ConfigurerModule careIndicationAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CareIndication.class));
    }
}
