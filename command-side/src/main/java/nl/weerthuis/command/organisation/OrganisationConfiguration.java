package nl.weerthuis.command.organisation;

import nl.weerthuis.command.eventstore.AggregateRegistration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link Organisation} aggregate with Axon, keeping Spring out of the domain model. */
@Configuration
class OrganisationConfiguration {

    @Bean
    ConfigurerModule organisationAggregate() {
        return AggregateRegistration.of(Organisation.class);
    }
}
