package nl.weerthuis.command.tenancy;

import nl.weerthuis.command.eventstore.AggregateRegistration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link Tenancy} aggregate with Axon, keeping Spring out of the domain model. */
@Configuration
class TenancyConfiguration {

    @Bean
    ConfigurerModule tenancyAggregate() {
        return AggregateRegistration.of(Tenancy.class);
    }
}
