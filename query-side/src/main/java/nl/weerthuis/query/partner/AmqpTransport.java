package nl.weerthuis.query.partner;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Optional second transport for high-volume partners: every feed entry, as the same CloudEvent, published to a
 * RabbitMQ topic exchange (AMQP binding, structured mode) with routing key {@code <organisation>.<type>}, so a
 * partner binds {@code <its organisation>.#}. At least once: the position moves only after the broker confirmed.
 * Which partner may bind which keys is the broker's to enforce (a vhost or topic permissions per partner).
 */
@Component
@ConditionalOnProperty(name = "weerthuis.partners.amqp.enabled", havingValue = "true")
class AmqpTransport {

    private static final Logger log = LoggerFactory.getLogger(AmqpTransport.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PartnerSettings settings;
    private ScheduledExecutorService ticker;
    private Connection connection;
    private Channel channel;

    AmqpTransport(JdbcTemplate jdbc, TransactionTemplate transaction, PartnerSettings settings) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
    }

    private record Entry(long sequence, String eventId, String organisation, String type, String body, String traceParent) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleWithFixedDelay(this::publishNext, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        disconnect();
    }

    private void publishNext() {
        try {
            ensureConnected();
            // The position row is locked for the batch: with several query-side instances one publishes at a time.
            transaction.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO partner_amqp_position (id, sequence) SELECT 1, 0 WHERE NOT EXISTS "
                        + "(SELECT 1 FROM partner_amqp_position WHERE id = 1)");
                long position = jdbc.queryForObject("SELECT sequence FROM partner_amqp_position WHERE id = 1 FOR UPDATE",
                        Long.class);
                List<Entry> entries = jdbc.query("""
                        SELECT sequence, event_id, organisation, type, body, trace_parent FROM partner_event WHERE sequence > ?
                        ORDER BY sequence LIMIT ?""", (row, n) -> new Entry(row.getLong(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6)), position, BATCH);
                if (entries.isEmpty()) {
                    return;
                }
                publish(entries);
                jdbc.update("UPDATE partner_amqp_position SET sequence = ? WHERE id = 1", entries.get(entries.size() - 1).sequence());
            });
        } catch (RuntimeException e) {
            log.warn("publishing partner events to AMQP failed; trying again", e);
            disconnect();
        }
    }

    private void publish(List<Entry> entries) {
        try {
            for (Entry entry : entries) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                        .contentType("application/cloudevents+json; charset=utf-8")
                        .messageId(entry.eventId())
                        .deliveryMode(2)
                        // W3C trace context as an application property (as the AMQP binding of Trace Context does).
                        .headers(java.util.Map.of("traceparent",
                                nl.weerthuis.query.access.ProcessingLog.Trace.childOf(entry.traceParent()).traceParent()))
                        .build();
                channel.basicPublish(settings.amqp().exchange(), entry.organisation() + "." + entry.type(), properties,
                        entry.body().getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not confirm the batch", e);
        }
    }

    private void ensureConnected() {
        if (channel != null && channel.isOpen()) {
            return;
        }
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(settings.amqp().uri());
            connection = factory.newConnection("weerthuis-query-side");
            channel = connection.createChannel();
            channel.confirmSelect();
            channel.exchangeDeclare(settings.amqp().exchange(), "topic", true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach the AMQP broker", e);
        }
    }

    private void disconnect() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close();
            }
        } catch (Exception ignored) {
            // closing a broken connection
        }
        channel = null;
        connection = null;
    }
}
