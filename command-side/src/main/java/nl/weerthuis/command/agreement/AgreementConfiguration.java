package nl.weerthuis.command.agreement;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AgreementConfiguration {

    @Bean
    ConfigurerModule regionalAgreementAggregate() {
        return configurer -> configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(RegionalAgreement.class));
    }
}
