package nl.weerthuis.command.tenancy;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link Tenancy} aggregate with Axon, keeping Spring out of the domain model. */
@Configuration
class TenancyConfiguration {

    @Bean
    ConfigurerModule tenancyAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Tenancy.class));
    }
}
