package nl.weerthuis.query.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.LeaseHolder;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import nl.weerthuis.query.support.DeadLetters;
import nl.weerthuis.query.support.EventStoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed is written per batch: a row the read store refuses fails its batch, whose events are then written one by
 * one, so that only the event at fault is parked (and its client's later events behind it), its neighbours in the
 * batch are told all the same, and a retry after the fix writes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class PartnerFeedParkedEventsTest {

    private static final String LANDLORD = "12345678";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate readStore;

    private final String unholdableProvider = "bad-" + UUID.randomUUID().toString().substring(0, 12);
    private final String constraint = "parked_feed_" + UUID.randomUUID().toString().replace("-", "");
    private String unholdable;

    @AfterEach
    void dropTheConstraint() {
        readStore.update("ALTER TABLE partner_involvement DROP CONSTRAINT IF EXISTS " + constraint);
    }

    /** Whatever happened, this test leaves no parked events behind. */
    @AfterEach
    void evictWhatThisTestParked() {
        if (unholdable != null) {
            deadLetters().evict(unholdable);
        }
    }

    @Test
    void a_row_the_read_store_refuses_parks_only_its_own_event_and_its_batch_is_told_all_the_same() throws Exception {
        // A read store that cannot hold one value (as it cannot hold a NUL or an over-long text), for this test only.
        readStore.update("ALTER TABLE partner_involvement ADD CONSTRAINT " + constraint + " CHECK (organisation <> '"
                + unholdableProvider + "') NOT VALID");
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            good.add(start(UUID.randomUUID().toString(), "87654321"));
        }
        unholdable = UUID.randomUUID().toString();
        start(unholdable, unholdableProvider);
        for (int i = 0; i < 20; i++) {
            good.add(start(UUID.randomUUID().toString(), "87654321"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(toldOfATenancy(good)).containsExactlyInAnyOrderElementsOf(good);
            // the offer, and the start behind it
            assertThat(deadLetters().of(unholdable).stream().map(p -> p.get("eventId").asText()).distinct()).hasSize(2);
        });
        for (String client : good) {
            assertThat(deadLetters().of(client)).isEmpty();
        }
        assertThat(toldOfATenancy(List.of(unholdable))).isEmpty();

        dropTheConstraint(); // the fix
        ResponseEntity<String> retried = deadLetters().retry(unholdable);
        assertThat(json.readTree(retried.getBody()).get("stillParked").asLong()).isZero();
        // the parked offer, then the start behind it: the landlord hears of the tenancy, once
        assertThat(toldOfATenancy(List.of(unholdable))).containsExactly(unholdable);
    }

    private String start(String client, String provider) {
        String tenancy = UUID.randomUUID().toString();
        Dwelling dwelling = new Dwelling("Hoofdstraat 1", "Almelo", "Centrum");
        events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, LANDLORD, provider,
                LeaseForm.TRIPARTITE, dwelling, "Twente", false, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1), "a", 1,
                Period.ofMonths(6)));
        events.append("Tenancy", tenancy, 1, new TenancyStartedEvent(tenancy, client, LeaseForm.TRIPARTITE, LANDLORD,
                LeaseHolder.CARE_PROVIDER, provider, dwelling, "Twente", LocalDate.of(2025, 3, 1)));
        return client;
    }

    /** The clients of whom the landlord's feed holds a started tenancy, once per client told. */
    private List<String> toldOfATenancy(List<String> clients) {
        return readStore.queryForList("SELECT client_id FROM partner_event WHERE organisation = ? AND type = ?"
                        + " AND client_id = ANY (?)", String.class, LANDLORD, PartnerEventTypes.TENANCY_STARTED,
                clients.toArray(String[]::new));
    }

    private DeadLetters deadLetters() {
        return new DeadLetters(http, json, "partner-feed");
    }
}
