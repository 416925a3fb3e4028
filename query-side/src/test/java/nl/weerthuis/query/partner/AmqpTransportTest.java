package nl.weerthuis.query.partner;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.cloudevents.CloudEvent;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import nl.weerthuis.testsupport.TestBroker;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With the AMQP transport on, the same CloudEvents reach a partner's queue bound to its organisation's keys. */
@SpringBootTest(properties = {"weerthuis.partners.amqp.enabled=true",
        "weerthuis.partners.amqp.exchange=weerthuis.partner-events.test"})
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class AmqpTransportTest {

    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate jdbc;

    /** The configured broker (WEERTHUIS_TEST_AMQP_URI, e.g. RabbitMQ), else an embedded Qpid Broker-J. */
    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) {
        registry.add("weerthuis.partners.amqp.uri", TestBroker::uri);
    }

    @Test
    void a_partner_queue_bound_to_its_organisation_receives_its_cloudevents() throws Exception {
        String corporation = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(TestBroker.uri());
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("weerthuis.partner-events.test", "topic", true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, "weerthuis.partner-events.test", corporation + ".nl.weerthuis.huurovereenkomsten.#");

            String client = UUID.randomUUID().toString();
            String tenancy = UUID.nameUUIDFromBytes(("tenancy-" + client).getBytes()).toString();
            Dwelling dwelling = new Dwelling("Dorpsstraat 1", "Almelo", "Centrum");
            events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, "MO", "Twente", "Almelo",
                    "87654321", LocalDate.of(2025, 1, 2), null), MetaData.with("actorOrganisation", TestTokens.MUNICIPALITY));
            events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, corporation, "87654321",
                    LeaseForm.CLIENT_LEASE, dwelling, "Twente", false, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 10),
                    "national-default", 0, 3), MetaData.with("actorOrganisation", corporation));
            events.append("Tenancy", tenancy, 1, new TenancyStartedEvent(tenancy, client, LeaseForm.CLIENT_LEASE, corporation,
                    LeaseHolder.CLIENT, "87654321", dwelling, "Twente", LocalDate.of(2025, 2, 10)),
                    MetaData.with("actorOrganisation", corporation));

            List<CloudEvent> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                GetResponse message = channel.basicGet(queue, true);
                if (message != null) {
                    assertThat(message.getProps().getContentType()).startsWith("application/cloudevents+json");
                    CloudEvent event = PartnerDeliveryTest.CLOUD_EVENTS.deserialize(message.getBody());
                    assertThat(event.getId()).isEqualTo(message.getProps().getMessageId());
                    received.add(event);
                }
                return !received.isEmpty();
            });
            assertThat(received).extracting(CloudEvent::getType).containsExactly(PartnerEventTypes.TENANCY_STARTED);
            assertThat(received.get(0).getId()).isEqualTo(jdbc.queryForObject(
                    "SELECT event_id FROM partner_event WHERE organisation = ? AND type = ?", String.class, corporation,
                    PartnerEventTypes.TENANCY_STARTED));
        }
    }
}
