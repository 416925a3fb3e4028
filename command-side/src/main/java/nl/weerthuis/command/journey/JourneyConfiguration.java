package nl.weerthuis.command.journey;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the journey process manager; like every command-side processor it streams, pooled, from the store. */
@Configuration
class JourneyConfiguration {

    /** Consequences that belong to their cause's unit of work: a subscribing processor whose failure fails the cause. */
    static final String CONSEQUENCES = "journey-consequences";

    @Bean
    ConfigurerModule journeyProcess() {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerSaga(JourneyProcess.class)
                .registerSubscribingEventProcessor(CONSEQUENCES)
                .registerListenerInvocationErrorHandler(CONSEQUENCES, c -> PropagatingErrorHandler.instance());
    }
}
