package nl.weerthuis.command.web;

import nl.weerthuis.kernel.identity.MetadataKeys;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every event inherits the actor and trace of the command that caused it, so the store alone says who decided. */
@Configuration
class MessageCorrelation {

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Every event names its data subject in its metadata (readers sequence by it without decoding the payload). */
    @Bean
    org.axonframework.config.ConfigurerModule dataSubjectInMetadata() {
        return configurer -> configurer.onInitialize(config -> config.onStart(Integer.MIN_VALUE,
                () -> config.eventBus().registerDispatchInterceptor(new nl.weerthuis.kernel.privacy.DataSubjectMetadata())));
    }

    @Bean
    CorrelationDataProvider actorAndTrace() {
        return new SimpleCorrelationDataProvider(MetadataKeys.PROPAGATED.toArray(String[]::new));
    }
}
