package nl.weerthuis.command.careindication;

import nl.weerthuis.command.eventstore.AggregateRegistration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link CareIndication} aggregate with Axon, keeping Spring out of the domain model. */
@Configuration
class CareIndicationConfiguration {

    @Bean
    ConfigurerModule careIndicationAggregate() {
        return AggregateRegistration.of(CareIndication.class);
    }
}
