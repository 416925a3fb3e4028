package nl.weerthuis.query.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The integrity check passes on an untouched store and names the event in which one stored byte was altered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class IntegrityCheckTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private JsonNode check(String role) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        // An inspectorate's auditor, or the operator's ADMIN (an ADMIN of any other organisation runs nothing).
        headers.setBearerAuth("ADMIN".equals(role) ? TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", role)
                : TestTokens.token("00000001009876543000", "SUPERVISOR", role));
        ResponseEntity<String> response = http.exchange("/api/v1/integrity", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    @Test
    void an_untouched_store_is_intact_and_a_touched_event_is_named() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        String[] clients = {UUID.randomUUID().toString(), UUID.randomUUID().toString()};
        for (String client : clients) {
            events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, "MO", "Twente",
                    "Almelo", "87654321", LocalDate.of(2025, 1, 6), null));
            events.append("Client", client, 1, new OutflowTrajectoryStartedEvent(client, CareSetting.SHELTER, "Twente",
                    "Almelo", LocalDate.of(2025, 2, 1)));
        }

        JsonNode intact = check("AUDITOR");
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("eventsChecked").asLong()).isEqualTo(before + 4);

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM monitor_trajectory WHERE client_id IN (?, ?)", Long.class, clients[0], clients[1]) == 2);
        String touched = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", String.class, clients[1]);
        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE event_identifier = ?",
                byte[].class, touched);
        try {
            // One byte of the stored payload: the first letter of "SHELTER" becomes "X".
            jdbc.update("UPDATE domain_event_entry SET payload = overlay(payload placing '\\x58'::bytea "
                    + "from position('SHELTER'::bytea in payload) for 1) WHERE event_identifier = ?", touched);

            JsonNode broken = check("ADMIN");
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("eventIdentifier").asText()).isEqualTo(touched);
            assertThat(broken.get("firstBroken").get("reason").asText()).isEqualTo("the stored event does not match its hash");
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?", original, touched);
        }
        assertThat(check("AUDITOR").get("intact").asBoolean()).isTrue();
    }

    @Test
    void a_deleted_event_breaks_the_chain_of_its_aggregate() throws Exception {
        String client = UUID.randomUUID().toString();
        events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, "MO", "Twente",
                "Almelo", "87654321", LocalDate.of(2025, 1, 6), null));
        events.append("Client", client, 1, new OutflowTrajectoryStartedEvent(client, CareSetting.SHELTER, "Twente",
                "Almelo", LocalDate.of(2025, 2, 1)));
        // Tamper only once the read models have what they need, so they are not left short by the test itself.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM monitor_trajectory WHERE client_id = ?", Long.class, client) == 1);
        var removed = jdbc.queryForMap("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", client);
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0", client);
        try {
            JsonNode broken = check("AUDITOR");
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("aggregateIdentifier").asText()).isEqualTo(client);
            assertThat(broken.get("firstBroken").get("sequenceNumber").asLong()).isEqualTo(1);
        } finally {
            jdbc.update("""
                    INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type, event_identifier,
                        meta_data, payload, payload_revision, payload_type, time_stamp, event_hash, previous_hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", removed.get("global_index"),
                    removed.get("aggregate_identifier"), removed.get("sequence_number"), removed.get("type"),
                    removed.get("event_identifier"), removed.get("meta_data"), removed.get("payload"),
                    removed.get("payload_revision"), removed.get("payload_type"), removed.get("time_stamp"),
                    removed.get("event_hash"), removed.get("previous_hash"));
        }
        assertThat(check("AUDITOR").get("intact").asBoolean()).isTrue();
    }

    @Test
    void only_auditors_and_admins_run_the_check() {
        for (String role : new String[]{"CASEWORKER", "MONITOR", "PARTNER_SYSTEM", "CLIENT"}) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(TestTokens.token("12345678", "HOUSING_CORPORATION", role));
            assertThat(http.exchange("/api/v1/integrity", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                    .getStatusCode().value()).as(role).isEqualTo(403);
        }
    }
}
