package nl.weerthuis.query.clientfile;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
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
 * The client file is written per batch: a row the read store refuses fails its batch, whose events are then written
 * one by one, so that only the event at fault is parked, its neighbours in the batch are written all the same, and a
 * retry after the fix writes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class ClientFileParkedEventsTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate readStore;

    private final String unholdableLandlord = "bad-" + UUID.randomUUID().toString().substring(0, 12);
    private final String constraint = "parked_file_" + UUID.randomUUID().toString().replace("-", "");
    private String unholdable;

    @AfterEach
    void dropTheConstraint() {
        readStore.update("ALTER TABLE file_tenancy DROP CONSTRAINT IF EXISTS " + constraint);
    }

    /** Whatever happened, this test leaves no parked events behind. */
    @AfterEach
    void evictWhatThisTestParked() {
        if (unholdable != null) {
            deadLetters().evict(unholdable);
        }
    }

    @Test
    void a_row_the_read_store_refuses_parks_only_its_own_event_and_its_batch_is_written_all_the_same() throws Exception {
        // A read store that cannot hold one value (as it cannot hold a NUL or an over-long text), for this test only.
        readStore.update("ALTER TABLE file_tenancy ADD CONSTRAINT " + constraint + " CHECK (landlord <> '"
                + unholdableLandlord + "') NOT VALID");
        List<String> good = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            good.add(offer(UUID.randomUUID().toString(), "12345678"));
        }
        unholdable = UUID.randomUUID().toString();
        offer(unholdable, unholdableLandlord);
        for (int i = 0; i < 20; i++) {
            good.add(offer(UUID.randomUUID().toString(), "12345678"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(readStore.queryForList("SELECT client_id FROM file_tenancy WHERE client_id = ANY (?)", String.class,
                    (Object) good.toArray(String[]::new))).containsExactlyInAnyOrderElementsOf(good);
            assertThat(deadLetters().of(unholdable).stream().map(p -> p.get("eventId").asText()).distinct()).hasSize(1);
        });
        for (String client : good) {
            assertThat(deadLetters().of(client)).isEmpty();
        }
        // the other handler's writes of the same batch (who is involved) are there too
        assertThat(readStore.queryForObject("SELECT count(DISTINCT client_id) FROM file_involvement WHERE client_id = ANY (?)",
                Long.class, (Object) good.toArray(String[]::new))).isEqualTo(good.size());
        assertThat(tenancies(unholdable)).isZero();

        dropTheConstraint(); // the fix
        ResponseEntity<String> retried = deadLetters().retry(unholdable);
        assertThat(json.readTree(retried.getBody()).get("stillParked").asLong()).isZero();
        assertThat(tenancies(unholdable)).isOne();
    }

    private String offer(String client, String landlord) {
        String tenancy = UUID.randomUUID().toString();
        events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, landlord, "87654321",
                LeaseForm.TRIPARTITE, new Dwelling("Hoofdstraat 1", "Almelo", "Centrum"), "Twente", false,
                LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1), "a", 1, Period.ofMonths(6)));
        return client;
    }

    private long tenancies(String client) {
        return readStore.queryForObject("SELECT count(*) FROM file_tenancy WHERE client_id = ?", Long.class, client);
    }

    private DeadLetters deadLetters() {
        return new DeadLetters(http, json, "client-file");
    }
}
