package nl.weerthuis.query.partner;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ErasureGround;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.Severity;
import nl.weerthuis.kernel.tenancy.SignalKind;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import nl.weerthuis.kernel.client.CaseCoordinationAssignedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.Instant;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partner systems subscribe a webhook on localhost and receive the events of their clients as CloudEvents: at least
 * once, exactly once per id at a receiver that deduplicates, in order per subject, through failures, an outage,
 * a 429 and a 410; dead letters after the last retry; the same events in the pull feed; minimised per organisation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class PartnerDeliveryTest {

    static final EventFormat CLOUD_EVENTS = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    static final String MUNICIPALITY = TestTokens.MUNICIPALITY;

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PartnerFeed feed;
    @Autowired
    TransactionTemplate transaction;

    private final String corporation = organisation();
    private final String provider = organisation();

    private static String organisation() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    }

    @Test
    void every_event_arrives_once_in_order_per_subject_through_failures_a_429_and_an_outage() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.answerFirst(503, 500);
            receiver.nextAnswers.add(new Receiver.Answer(429, "1"));
            String subscription = subscribe(corporation, "HOUSING_CORPORATION", receiver.url(), "nl.weerthuis.");
            String a = journey(), b = journey();

            await().atMost(Duration.ofSeconds(20)).until(() -> uniqueIds(receiver).size() == 8);
            List<CloudEvent> delivered = parsed(receiver);
            assertThat(delivered).hasSize(8).as("each id once").extracting(CloudEvent::getId).doesNotHaveDuplicates();
            assertThat(receiver.postsSeen).isEqualTo(11);
            assertThat(receiver.authorizations).containsOnly("Bearer partner-secret");
            assertThat(jdbc.queryForObject("SELECT auth_header FROM partner_subscription WHERE subscription_id = ?",
                    String.class, subscription)).as("stored sealed").doesNotContain("partner-secret");
            assertInOrderPerSubject(delivered);
            for (CloudEvent event : delivered) {
                assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
                assertThat(event.getSource().toString()).startsWith("urn:nld:oin:").endsWith(":systeem:weerthuis");
                assertThat(event.getType()).startsWith("nl.weerthuis.");
                assertThat(event.getSubject()).matches("[0-9a-f]{64}").isNotIn(a, b);
                assertThat(event.getDataContentType()).isEqualTo("application/json");
                assertThat(event.getDataSchema().toString()).endsWith(event.getType());
                assertThat(event.getTime()).isNotNull();
                assertThat(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
                        .doesNotContain("Dorpsstraat", "worried", "all well");
            }
            assertThat(delivered).extracting(CloudEvent::getType).containsOnly(PartnerEventTypes.TENANCY_STARTED,
                    PartnerEventTypes.MOVED_IN, PartnerEventTypes.SIGNAL_RAISED, PartnerEventTypes.CONTRACT_FLIPPED);
            JsonNode signal = json.readTree(delivered.stream().filter(e -> e.getType().equals(PartnerEventTypes.SIGNAL_RAISED))
                    .findFirst().orElseThrow().getData().toBytes());
            assertThat(signal.has("kind")).as("the corporation does not learn what the care provider signalled").isFalse();

            receiver.down();
            events.append("Tenancy", tenancyOf(a), 5, new TenancyEndedEvent(tenancyOf(a), a, TenancyEndReason.MOVED,
                    LocalDate.of(2026, 1, 1), corporation, provider, "Twente", "moved to the city"), actor(corporation));
            await().atMost(Duration.ofSeconds(10)).until(() -> attemptsOfLast(subscription) >= 2);
            receiver.up();

            await().atMost(Duration.ofSeconds(20)).until(() -> uniqueIds(receiver).size() == 9);
            assertThat(parsed(receiver)).extracting(CloudEvent::getId).doesNotHaveDuplicates();
            assertInOrderPerSubject(parsed(receiver));
            // The record commits with the delivery's status, just after the partner answered: wait for it, then for no more.
            await().atMost(Duration.ofSeconds(10)).until(() -> disclosuresTo(corporation) >= 9);
            assertThat(disclosuresTo(corporation)).as("every disclosure logged, once").isEqualTo(9);
        }
    }

    @Test
    void a_subscription_gets_the_types_it_asked_for_by_prefix_or_by_name() throws Exception {
        try (Receiver everything = new Receiver(); Receiver tenancies = new Receiver(); Receiver signals = new Receiver()) {
            subscribe(corporation, "HOUSING_CORPORATION", tenancies.url(), "nl.weerthuis.huurovereenkomsten.");
            subscribe(corporation, "HOUSING_CORPORATION", signals.url(), PartnerEventTypes.SIGNAL_RAISED);
            String all = subscribe(corporation, "HOUSING_CORPORATION", everything.url(), "nl.weerthuis.");
            journey();

            // A type's deliveries are queued with its feed row: once the last one is delivered, all are queued.
            await().atMost(Duration.ofSeconds(20)).until(() -> uniqueIds(everything).size() == 4);
            await().atMost(Duration.ofSeconds(20)).until(() -> uniqueIds(tenancies).size() == 3 && uniqueIds(signals).size() == 1);
            assertThat(parsed(tenancies)).extracting(CloudEvent::getType).containsOnly(
                    PartnerEventTypes.TENANCY_STARTED, PartnerEventTypes.MOVED_IN, PartnerEventTypes.CONTRACT_FLIPPED);
            assertThat(parsed(signals)).extracting(CloudEvent::getType).containsOnly(PartnerEventTypes.SIGNAL_RAISED);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_delivery d JOIN partner_subscription s "
                    + "ON s.subscription_id = d.subscription_id WHERE s.organisation = ?", Long.class, corporation))
                    .as("nothing queued beyond what was asked for").isEqualTo(8);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_delivery WHERE subscription_id = ?", Long.class,
                    all)).isEqualTo(4);
        }
    }

    /**
     * A reader of {@code ?after=n} moves past every number it saw: a row numbered lower that commits later would be
     * skipped for good. So while one transaction has appended to the feed (the processor's batch, or a parked event
     * retried on any instance), another cannot append until it commits.
     */
    @Test
    void a_second_append_to_the_feed_waits_for_the_first_to_commit() throws Exception {
        String client = journey();
        await().atMost(Duration.ofSeconds(20)).until(() -> typesIn(corporation).size() == 4);
        String first = UUID.randomUUID().toString(), second = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1), commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> firstAppend = threads.submit(() -> transaction.executeWithoutResult(tx -> {
                appendEnding(first, client);
                appended.countDown();
                await().atMost(Duration.ofSeconds(20)).until(() -> commit.getCount() == 0);
            }));
            assertThat(appended.await(20, TimeUnit.SECONDS)).isTrue();
            Future<?> secondAppend = threads.submit(() -> transaction.executeWithoutResult(tx -> appendEnding(second, client)));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !secondAppend.isDone());
            commit.countDown();
            firstAppend.get(20, TimeUnit.SECONDS);
            secondAppend.get(20, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.queryForList("SELECT event_id FROM partner_event WHERE organisation = ? ORDER BY sequence",
                String.class, corporation)).endsWith(first, second);
    }

    private void appendEnding(String eventId, String client) {
        feed.publish(eventId, Instant.now(), null, client, PartnerEventTypes.TENANCY_ENDED,
                (to, consent, names) -> Map.of("endedOn", "2026-01-01"));
    }

    @Test
    void a_subjects_next_notification_waits_for_the_one_before_through_an_outage_and_recovery() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.latencyMillis = 30;
            receiver.answerFirst(503, 503, 503, 503, 503, 503, 503, 503);
            subscribe(corporation, "HOUSING_CORPORATION", receiver.url(), "nl.weerthuis.");
            journey();
            journey();
            journey();

            await().atMost(Duration.ofSeconds(30)).until(() -> uniqueIds(receiver).size() == 12);
            assertThat(receiver.mostAtOnce.get()).as("notifications of one subject in flight at once").isEqualTo(1);
            assertThat(parsed(receiver)).hasSize(12);
            assertInOrderPerSubject(parsed(receiver));
        }
    }

    @Test
    void after_a_dead_letter_the_subjects_next_notifications_follow_and_say_so() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.answerAfterScript = 503;
            String subscription = subscribe(corporation, "HOUSING_CORPORATION", receiver.url(), "nl.weerthuis.");
            journey();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM partner_delivery WHERE subscription_id = ? AND status = 'DEAD'", Long.class,
                    subscription) >= 1);
            receiver.answerAfterScript = 200;

            await().atMost(Duration.ofSeconds(30)).until(() -> uniqueIds(receiver).size() == 3);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_delivery WHERE subscription_id = ? AND status = 'DEAD'",
                    Long.class, subscription)).isEqualTo(1);
            assertThat(receiver.afterDeadLetter).hasSize(3);
            assertInOrderPerSubject(parsed(receiver));
        }
    }

    @Test
    void a_410_ends_the_subscription_and_nothing_more_is_sent() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.answerFirst(410);
            String subscription = subscribe(corporation, "HOUSING_CORPORATION", receiver.url(), "nl.weerthuis.huurovereenkomsten.");
            journey();

            await().atMost(Duration.ofSeconds(10)).until(() -> "ENDED".equals(subscriptionOf(corporation, subscription).path("status").asText()));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.postsSeen == 1);
            assertThat(receiver.accepted).isEmpty();
            assertThat(subscriptionOf(corporation, subscription).path("endReason").asText()).contains("410");
        }
    }

    @Test
    void after_the_last_retry_a_dead_letter_an_admin_replays_and_a_dead_partner_delays_no_one_else() throws Exception {
        try (Receiver dead = new Receiver(); Receiver alive = new Receiver()) {
            dead.answerAfterScript = 500;
            String deadSubscription = subscribe(corporation, "HOUSING_CORPORATION", dead.url(), PartnerEventTypes.TENANCY_STARTED);
            subscribe(provider, "CARE_PROVIDER", alive.url(), "nl.weerthuis.");
            journey();

            await().atMost(Duration.ofSeconds(5)).until(() -> uniqueIds(alive).size() == 4);
            assertThat(dead.postsSeen).as("the provider was served while the corporation's partner kept failing")
                    .isLessThan(8);
            await().atMost(Duration.ofSeconds(15)).until(() -> deadLetters(deadSubscription).size() == 1);
            assertThat(dead.postsSeen).as("the first call and 7 retries").isEqualTo(8);
            JsonNode letter = deadLetters(deadSubscription).get(0);
            assertThat(letter.get("type").asText()).isEqualTo(PartnerEventTypes.TENANCY_STARTED);
            assertThat(letter.get("lastStatus").asInt()).isEqualTo(500);

            dead.answerAfterScript = 200;
            ResponseEntity<String> replay = call(HttpMethod.POST, "/api/v1/admin/dead-letters/" + deadSubscription + "/"
                    + letter.get("sequence").asLong() + "/replay", admin(), null);
            assertThat(replay.getStatusCode().value()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(5)).until(() -> dead.accepted.size() == 1);
            assertThat(deadLetters(deadSubscription)).isEmpty();
        }
    }

    @Test
    void the_feed_pages_the_same_cloudevents_and_only_the_callers_own() throws Exception {
        try (Receiver receiver = new Receiver()) {
            subscribe(corporation, "HOUSING_CORPORATION", receiver.url(), "nl.weerthuis.");
            journey();
            await().atMost(Duration.ofSeconds(10)).until(() -> uniqueIds(receiver).size() == 4);

            List<String> fed = new ArrayList<>();
            String next = "/api/v1/events?limit=3";
            for (int page = 0; page < 3; page++) {
                ResponseEntity<String> response = call(HttpMethod.GET, next, partner(corporation, "HOUSING_CORPORATION"), null);
                assertThat(response.getHeaders().getContentType().toString()).startsWith("application/cloudevents-batch+json");
                for (JsonNode event : json.readTree(response.getBody())) {
                    CloudEvent parsed = CLOUD_EVENTS.deserialize(json.writeValueAsBytes(event));
                    fed.add(parsed.getId());
                }
                next = response.getHeaders().getFirst(HttpHeaders.LINK).replaceAll("^<([^>]*)>.*$", "$1");
            }
            assertThat(fed).containsExactlyElementsOf(parsed(receiver).stream().map(CloudEvent::getId).toList());
            assertThat(json.readTree(call(HttpMethod.GET, "/api/v1/events", partner(organisation(), "HOUSING_CORPORATION"),
                    null).getBody())).as("another organisation's feed").isEmpty();
            assertThat(call(HttpMethod.GET, "/api/v1/events?after=x", partner(corporation, "HOUSING_CORPORATION"), null)
                    .getStatusCode().value()).isEqualTo(400);
        }
    }

    @Test
    void a_corporation_learns_that_support_is_active_only_with_consent_and_every_partner_is_told_of_an_erasure()
            throws Exception {
        String withConsent = journey();
        events.append("Client", withConsent, 1, new ConsentGivenEvent(withConsent, corporation, PartnerFeed.CORPORATION_CARE_PURPOSE,
                LocalDate.of(2025, 1, 5)), actor(MUNICIPALITY));
        events.append("CareIndication", indicationOf(withConsent), 0, new IndicationGrantedEvent(indicationOf(withConsent),
                withConsent, IndicationType.AMBULATORY_SUPPORT, 6, provider, "Twente", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31)), actor(MUNICIPALITY));
        events.append("Client", withConsent, 2, new PersonalDataErasedEvent(withConsent, ErasureGround.CLIENT_REQUEST,
                LocalDate.of(2026, 2, 1)), actor(MUNICIPALITY));

        await().atMost(Duration.ofSeconds(10)).until(() -> typesIn(corporation).contains(PartnerEventTypes.PERSONAL_DATA_ERASED)
                && typesIn(provider).contains(PartnerEventTypes.PERSONAL_DATA_ERASED));
        Map<String, JsonNode> corporationSees = dataByType(corporation);
        Map<String, JsonNode> providerSees = dataByType(provider);
        assertThat(corporationSees.get(PartnerEventTypes.SUPPORT_STARTED).toString())
                .isEqualTo("{\"supportActive\":true,\"provider\":\"" + provider + "\",\"validUntil\":\"2026-12-31\"}");
        assertThat(providerSees.get(PartnerEventTypes.SUPPORT_STARTED).path("type").asText()).isEqualTo("AMBULATORY_SUPPORT");
        assertThat(providerSees.get(PartnerEventTypes.SIGNAL_RAISED).path("kind").asText()).isEqualTo("CONFUSED_BEHAVIOUR");
        assertThat(corporationSees.get(PartnerEventTypes.PERSONAL_DATA_ERASED).path("erasedOn").asText()).isEqualTo("2026-02-01");

        String withoutConsent = journey();
        events.append("CareIndication", indicationOf(withoutConsent), 0, new IndicationGrantedEvent(indicationOf(withoutConsent),
                withoutConsent, IndicationType.AMBULATORY_SUPPORT, 6, provider, "Twente", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31)), actor(MUNICIPALITY));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(provider, PartnerEventTypes.SUPPORT_STARTED) == 2);
        assertThat(count(corporation, PartnerEventTypes.SUPPORT_STARTED)).as("no consent, no care facts").isOne();
    }

    @Test
    void the_holder_of_procesregie_hears_of_the_journey_and_an_organisation_whose_involvement_ended_hears_no_more()
            throws Exception {
        String team = "0000000100" + organisation().substring(0, 8) + "00";
        String client = journey();
        String tenancy = tenancyOf(client);
        events.append("Client", client, 1, new CaseCoordinationAssignedEvent(client, team, OrganisationType.NEIGHBOURHOOD_TEAM,
                LocalDate.of(2025, 3, 1)), actor(MUNICIPALITY));
        events.append("Tenancy", tenancy, 5, new SignalRaisedEvent(tenancy, client, "signal-2", SignalKind.NUISANCE,
                corporation, OrganisationType.HOUSING_CORPORATION, Severity.LOW, "noise", LocalDate.of(2025, 10, 1)),
                actor(corporation));
        events.append("Tenancy", tenancy, 6, new TenancyEndedEvent(tenancy, client, TenancyEndReason.MOVED,
                LocalDate.of(2025, 11, 1), corporation, provider, "Twente", null), actor(corporation));
        events.append("Tenancy", tenancy, 7, new SignalResolvedEvent(tenancy, client, "signal-2", SignalKind.NUISANCE,
                Severity.LOW, LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 2), "settled"), actor(provider));
        events.append("Client", client, 2, new PersonalDataErasedEvent(client, ErasureGround.CLIENT_REQUEST,
                LocalDate.of(2026, 2, 1)), actor(MUNICIPALITY));

        await().atMost(Duration.ofSeconds(10)).until(() -> typesIn(corporation).contains(PartnerEventTypes.PERSONAL_DATA_ERASED)
                && typesIn(team).contains(PartnerEventTypes.PERSONAL_DATA_ERASED));
        assertThat(typesIn(team)).as("procesregie makes the team a recipient from its assignment on")
                .containsExactly(PartnerEventTypes.SIGNAL_RAISED, PartnerEventTypes.TENANCY_ENDED,
                        PartnerEventTypes.SIGNAL_RESOLVED, PartnerEventTypes.PERSONAL_DATA_ERASED);
        assertThat(typesIn(corporation)).as("the corporation hears that its tenancy ended, then only to erase its copies")
                .endsWith(PartnerEventTypes.TENANCY_ENDED, PartnerEventTypes.PERSONAL_DATA_ERASED)
                .doesNotContain(PartnerEventTypes.SIGNAL_RESOLVED);
    }

    @Test
    void a_callback_is_checked_again_at_delivery_and_a_refused_one_is_never_called() throws Exception {
        try (Receiver receiver = new Receiver()) {
            // As if the callback had passed when subscribing and no longer does (in production: DNS now answers a
            // private address); here it carries credentials, which no check lets through.
            String subscription = UUID.randomUUID().toString();
            jdbc.update("""
                    INSERT INTO partner_subscription (subscription_id, organisation, organisation_type, callback_url,
                        event_types, status, created_at) VALUES (?, ?, 'HOUSING_CORPORATION', ?, 'nl.weerthuis.', 'ACTIVE', now())""",
                    subscription, corporation, receiver.url().replace("http://", "http://user:secret@"));
            journey();
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject("""
                    SELECT count(*) FROM partner_delivery WHERE subscription_id = ? AND last_error LIKE 'IOException: callback refused%'""",
                    Long.class, subscription) > 0);
            assertThat(receiver.accepted).as("nothing was sent to the refused callback").isEmpty();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_delivery WHERE subscription_id = ? AND status = 'DELIVERED'",
                    Long.class, subscription)).isZero();
        }
    }

    @Test
    void a_callback_must_verify_and_be_https() throws Exception {
        try (Receiver refusing = new Receiver(); Receiver testOnly = new Receiver()) {
            refusing.handshake = false;
            refusing.answerAfterScript = 500;
            ResponseEntity<String> refused = call(HttpMethod.POST, "/api/v1/subscriptions", partner(corporation, "HOUSING_CORPORATION"),
                    body(refusing.url(), "nl.weerthuis."));
            assertThat(refused.getStatusCode().value()).isEqualTo(422);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(call(HttpMethod.GET, "/api/v1/subscriptions", partner(corporation, "HOUSING_CORPORATION"),
                    null).getBody())).isEmpty();

            testOnly.handshake = false;
            subscribe(corporation, "HOUSING_CORPORATION", testOnly.url(), "nl.weerthuis.");
            assertThat(CLOUD_EVENTS.deserialize(testOnly.accepted.get(0)).getType()).isEqualTo(PartnerEventTypes.VERIFICATION);

            assertThat(call(HttpMethod.POST, "/api/v1/subscriptions", partner(corporation, "HOUSING_CORPORATION"),
                    body("http://example.org/hook", "nl.weerthuis.")).getStatusCode().value()).isEqualTo(400);
            assertThat(call(HttpMethod.POST, "/api/v1/subscriptions", partner(corporation, "HOUSING_CORPORATION"),
                    body(testOnly.url(), "com.example.")).getStatusCode().value()).isEqualTo(400);
            // Credentials in the URL would be stored and logged in the clear: refused, and nothing is called.
            int calls = testOnly.accepted.size();
            ResponseEntity<String> withCredentials = call(HttpMethod.POST, "/api/v1/subscriptions",
                    partner(corporation, "HOUSING_CORPORATION"),
                    body(testOnly.url().replace("http://", "http://user:secret@"), "nl.weerthuis."));
            assertThat(withCredentials.getStatusCode().value()).isEqualTo(400);
            assertThat(withCredentials.getBody()).doesNotContain("secret");
            assertThat(testOnly.accepted).hasSize(calls);
            String other = subscribe(corporation, "HOUSING_CORPORATION", testOnly.url(), "nl.weerthuis.");
            assertThat(call(HttpMethod.DELETE, "/api/v1/subscriptions/" + other, partner(organisation(), "HOUSING_CORPORATION"),
                    null).getStatusCode().value()).as("another organisation's subscription").isEqualTo(404);
            assertThat(call(HttpMethod.DELETE, "/api/v1/subscriptions/" + other, partner(corporation, "HOUSING_CORPORATION"),
                    null).getStatusCode().value()).isEqualTo(204);
        }
    }

    private long disclosuresTo(String organisation) {
        return jdbc.queryForObject("SELECT count(*) FROM processing_log WHERE activity_id = 'partner-notification' "
                + "AND organisation = ?", Long.class, organisation);
    }

    /** A client housed by the corporation with support from the provider: 4 events the corporation hears of. */
    private String journey() {
        String client = UUID.randomUUID().toString();
        String tenancy = tenancyOf(client);
        Dwelling dwelling = new Dwelling("Dorpsstraat 1", "Almelo", "Centrum");
        events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.PROTECTED_HOUSING, "RIBW", "Twente",
                "Almelo", provider, LocalDate.of(2025, 1, 2), null), actor(MUNICIPALITY));
        events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, corporation, provider,
                LeaseForm.TRIPARTITE, dwelling, "Twente", false, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 10),
                "national-default", 0, Period.ofMonths(3)), actor(corporation));
        events.append("Tenancy", tenancy, 1, new TenancyStartedEvent(tenancy, client, LeaseForm.TRIPARTITE, corporation,
                LeaseHolder.CARE_PROVIDER, provider, dwelling, "Twente", LocalDate.of(2025, 2, 10)), actor(corporation));
        events.append("Tenancy", tenancy, 2, new MovedInEvent(tenancy, client, LocalDate.of(2025, 2, 15), LeaseForm.TRIPARTITE,
                corporation, provider, "Twente", "Almelo", "Centrum", "national-default", 0, Period.ofMonths(6), Period.ofMonths(24)), actor(corporation));
        events.append("Tenancy", tenancy, 3, new SignalRaisedEvent(tenancy, client, "signal-1", SignalKind.CONFUSED_BEHAVIOUR,
                provider, OrganisationType.CARE_PROVIDER, Severity.MEDIUM, "worried", LocalDate.of(2025, 3, 1)), actor(provider));
        events.append("Tenancy", tenancy, 4, new ContractFlippedEvent(tenancy, client, LocalDate.of(2025, 9, 1),
                LeaseHolder.CARE_PROVIDER, LeaseHolder.CLIENT, true, corporation, provider, "Twente", "national-default", 0,
                "all well"), actor(corporation));
        return client;
    }

    private static String indicationOf(String client) {
        return UUID.nameUUIDFromBytes(("indication-" + client).getBytes()).toString();
    }

    private static String tenancyOf(String client) {
        return UUID.nameUUIDFromBytes(("tenancy-" + client).getBytes()).toString();
    }

    private static MetaData actor(String organisation) {
        return MetaData.with("actorOrganisation", organisation).and("traceId", UUID.randomUUID().toString());
    }

    private String subscribe(String organisation, String type, String url, String eventTypes) throws Exception {
        ResponseEntity<String> response = call(HttpMethod.POST, "/api/v1/subscriptions", partner(organisation, type),
                body(url, eventTypes));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        JsonNode created = json.readTree(response.getBody());
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        return created.get("subscriptionId").asText();
    }

    private static String body(String url, String eventTypes) {
        return """
                {"callbackUrl":"%s","eventTypes":["%s"],"authorization":"Bearer partner-secret"}""".formatted(url, eventTypes);
    }

    private static String partner(String organisation, String type) {
        return TestTokens.token(organisation, type, "PARTNER_SYSTEM");
    }

    private static String admin() {
        return TestTokens.token(MUNICIPALITY, "MUNICIPALITY", "ADMIN");
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode subscriptionOf(String organisation, String id) throws Exception {
        return json.readTree(call(HttpMethod.GET, "/api/v1/subscriptions/" + id, partner(organisation, "HOUSING_CORPORATION"),
                null).getBody());
    }

    private List<JsonNode> deadLetters(String subscription) throws Exception {
        List<JsonNode> letters = new ArrayList<>();
        json.readTree(call(HttpMethod.GET, "/api/v1/admin/dead-letters", admin(), null).getBody()).forEach(letter -> {
            if (letter.get("subscriptionId").asText().equals(subscription)) {
                letters.add(letter);
            }
        });
        return letters;
    }

    private int attemptsOfLast(String subscription) {
        return jdbc.queryForObject("""
                SELECT attempts FROM partner_delivery WHERE subscription_id = ?
                ORDER BY event_sequence DESC LIMIT 1""", Integer.class, subscription);
    }

    private static List<CloudEvent> parsed(Receiver receiver) {
        List<CloudEvent> parsed = new ArrayList<>();
        receiver.accepted.forEach(body -> parsed.add(CLOUD_EVENTS.deserialize(body)));
        return parsed;
    }

    private static Set<String> uniqueIds(Receiver receiver) {
        Set<String> ids = new HashSet<>();
        parsed(receiver).forEach(event -> ids.add(event.getId()));
        return ids;
    }

    /** Per subject the sequence only rises, in the order the receiver got them. */
    private static void assertInOrderPerSubject(List<CloudEvent> delivered) {
        Map<String, String> last = new HashMap<>();
        for (CloudEvent event : delivered) {
            String sequence = String.valueOf(event.getExtension("sequence"));
            String previous = last.put(event.getSubject(), sequence);
            if (previous != null) {
                assertThat(sequence).as("sequence of " + event.getSubject()).isGreaterThan(previous);
            }
        }
    }

    private List<String> typesIn(String organisation) {
        return jdbc.queryForList("SELECT type FROM partner_event WHERE organisation = ? ORDER BY sequence", String.class, organisation);
    }

    private long count(String organisation, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM partner_event WHERE organisation = ? AND type = ?", Long.class,
                organisation, type);
    }

    private Map<String, JsonNode> dataByType(String organisation) throws Exception {
        Map<String, JsonNode> data = new HashMap<>();
        for (String body : jdbc.queryForList("SELECT body FROM partner_event WHERE organisation = ? ORDER BY sequence",
                String.class, organisation)) {
            JsonNode event = json.readTree(body);
            data.put(event.get("type").asText(), event.get("data"));
        }
        return data;
    }
}
