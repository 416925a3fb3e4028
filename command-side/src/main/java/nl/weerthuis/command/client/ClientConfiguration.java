package nl.weerthuis.command.client;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link Client} aggregate with Axon without putting Spring annotations on the domain model. */
@Configuration
class ClientConfiguration {

    @Bean
    ConfigurerModule clientAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Client.class));
    }
}
