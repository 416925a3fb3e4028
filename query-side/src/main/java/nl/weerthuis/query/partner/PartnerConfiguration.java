package nl.weerthuis.query.partner;

import nl.weerthuis.kernel.privacy.KeyEncryptionKeys;
import nl.weerthuis.kernel.privacy.SecretBox;
import nl.weerthuis.query.eventsource.SealedTextEvents;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.http.HttpClient;
import java.time.Duration;

@Configuration
@EnableConfigurationProperties(PartnerSettings.class)
class PartnerConfiguration {

    /** Partners' callback credentials are stored sealed with a key of this installation. */
    @Bean
    SecretBox partnerCredentials(KeyEncryptionKeys keyEncryptionKeys) {
        return new SecretBox(keyEncryptionKeys, "partner-callback-credentials");
    }

    @Bean
    HttpClient partnerHttpClient() {
        // A partner's redirect is not followed: notifications go only where the partner subscribed.
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A tracking processor with one segment: the feed is appended in event order, so a partner reading
     * {@code ?after=} never skips a row that a parallel segment committed later under a lower number; and unlike a
     * pooled processor (which looks for new events every 500 ms on this event store) it waits on the stream itself,
     * so a notification leaves within the event store's poll interval. It takes up to {@link #BATCH_SIZE} events per
     * transaction and writes each batch in a few statements ({@link FeedBatch}); a batch never waits to fill, so a
     * lone notification leaves as soon as ever. It reads the store with personal texts left sealed: no notification
     * carries one, so none is decrypted for it.
     */
    @Bean
    ConfigurerModule partnerFeedProcessor(ObjectProvider<SealedTextEvents> sealedTextEvents) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(PartnerFeedProjection.GROUP,
                config -> sealedTextEvents.getObject(),
                config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(BATCH_SIZE));
    }

    static final int BATCH_SIZE = 1000;
}
