package nl.weerthuis.command.agreement;

import nl.weerthuis.command.eventstore.AggregateRegistration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the {@link RegionalAgreement} aggregate with Axon, keeping Spring out of the domain model. */
@Configuration
class AgreementConfiguration {

    @Bean
    ConfigurerModule regionalAgreementAggregate() {
        return AggregateRegistration.of(RegionalAgreement.class);
    }
}
