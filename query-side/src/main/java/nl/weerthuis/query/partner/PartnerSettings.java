package nl.weerthuis.query.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Partner delivery settings ({@code weerthuis.partners.*}).
 *
 * @param source                 CloudEvents {@code source}: URN of the producing organisation and system (NL GOV)
 * @param schemaBaseUrl          where the {@code dataschema} documents are served
 * @param retryDelays            the waits before each retry; the default, like Open Notificaties, retries 7 times,
 *                               spread over more than 24 hours
 * @param pollInterval           how often the outbox is looked at
 * @param requestTimeout         one call to a partner; a slow partner only holds up its own subscription
 * @param workers                subscriptions delivered to at the same time
 * @param allowLoopbackCallbacks http callbacks on this machine (tests, demos); otherwise https only
 * @param origin                 our name in the webhook validation handshake ({@code WebHook-Request-Origin})
 */
@ConfigurationProperties("weerthuis.partners")
public record PartnerSettings(String source, String schemaBaseUrl, List<Duration> retryDelays, Duration pollInterval,
                              Duration requestTimeout, int workers, boolean allowLoopbackCallbacks, String origin,
                              Amqp amqp) {

    public PartnerSettings {
        source = source == null ? "urn:nld:oin:00000001001234567000:systeem:weerthuis" : source;
        schemaBaseUrl = schemaBaseUrl == null ? "http://localhost:8082/api/v1/event-schemas/" : schemaBaseUrl;
        retryDelays = retryDelays == null || retryDelays.isEmpty() ? List.of(Duration.ofSeconds(10), Duration.ofMinutes(1),
                Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6),
                Duration.ofHours(16)) : List.copyOf(retryDelays);
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        workers = workers <= 0 ? 8 : workers;
        origin = origin == null ? "weerthuis.local" : origin;
        amqp = amqp == null ? new Amqp(false, null, null) : amqp;
    }

    /** Optional second transport: the same CloudEvents on a RabbitMQ topic exchange. */
    public record Amqp(boolean enabled, String uri, String exchange) {
        public Amqp {
            uri = uri == null ? "amqp://guest:guest@127.0.0.1:5672" : uri;
            exchange = exchange == null ? "weerthuis.partner-events" : exchange;
        }
    }
}
