package nl.weerthuis.command.client;

import nl.weerthuis.command.eventstore.AggregateRegistration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link Client} aggregate with Axon, keeping Spring out of the domain model. */
@Configuration
class ClientConfiguration {

    @Bean
    ConfigurerModule clientAggregate() {
        return AggregateRegistration.of(Client.class);
    }
}
