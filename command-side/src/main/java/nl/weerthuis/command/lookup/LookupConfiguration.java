package nl.weerthuis.command.lookup;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lookups are updated by a subscribing processor, inside the unit of work that appends the events, and a failure
 * there fails the command: a lookup that silently fell behind would let a rule decide on stale facts.
 */
@Configuration
public class LookupConfiguration {

    public static final String GROUP = "lookups";

    @Bean
    ConfigurerModule lookupProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(GROUP)
                .registerListenerInvocationErrorHandler(GROUP, c -> PropagatingErrorHandler.instance());
    }
}
