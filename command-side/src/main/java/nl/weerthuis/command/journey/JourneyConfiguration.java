package nl.weerthuis.command.journey;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the journey process manager; like every command-side processor it streams, pooled, from the store. */
@Configuration
class JourneyConfiguration {

    @Bean
    ConfigurerModule journeyProcess() {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerSaga(JourneyProcess.class);
    }
}
