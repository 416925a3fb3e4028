package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.weerthuis.kernel.eventstore.EventHashChain;
import nl.weerthuis.kernel.tenancy.FlipApprovedEvent;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.query.support.TestOrganisationNames;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The history does not depend on how an event is stored: a store written by an older version — every record's fields
 * in another order, timestamps without milliseconds, and the flip approvals still under the name they had before the
 * class was renamed (with its upcaster) — gives the same history, word for word, as the same journey stored today.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EventStoreFixture.class, TestOrganisationNames.class})
class HistoryShapeTest {

    /** The name flip approvals are stored under by "an older version"; its rename is registered in EventStoreFixture. */
    static final String FORMER_NAME = EventStoreFixture.FORMER_FLIP_APPROVAL_NAME;

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate readStore;
    @Autowired
    ObjectMapper json;

    @Test
    void reordered_fields_and_a_renamed_event_change_nothing_in_the_history() throws Exception {
        FullJourney.agreementAdopted(events, readStore);
        String today = UUID.randomUUID().toString(), before = UUID.randomUUID().toString();
        String tenancyToday = UUID.randomUUID().toString(), tenancyBefore = UUID.randomUUID().toString();
        String careToday = UUID.randomUUID().toString(), careBefore = UUID.randomUUID().toString();
        FullJourney.append(events, FullJourney.of(today, tenancyToday, careToday));
        for (FullJourney.Step step : FullJourney.of(before, tenancyBefore, careBefore)) {
            storedByAnOlderVersion(step);
        }
        assertThat(readStore.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                FORMER_NAME)).isEqualTo(3);
        for (String client : List.of(today, before)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> readStore.queryForObject(
                    "SELECT count(*) FROM history_subject WHERE client_id = ?", Long.class, client) == 3);
        }

        JsonNode historyToday = history(today), historyBefore = history(before);
        assertThat(historyBefore.get("entries")).hasSize(historyToday.get("entries").size());
        assertThat(normalised(historyBefore, before, tenancyBefore, careBefore))
                .isEqualTo(normalised(historyToday, today, tenancyToday, careToday));
        assertThat(historyBefore.get("entries").get(22).get("description").asText())
                .isEqualTo("The housing corporation approved the flip.");
        JsonNode flip = historyBefore.get("entries").get(25);
        assertThat(flip.get("eventType").asText()).isEqualTo("ContractFlippedEvent");
        assertThat(flip.get("grounds").asText()).isEqualTo("rent paid for a year, support accepted, no nuisance");
        JsonNode resolved = historyBefore.get("entries").get(16);
        assertThat(resolved.get("eventType").asText()).isEqualTo("SignalResolvedEvent");
        assertThat(resolved.get("businessDate").asText()).as("resolved on, not raised on").isEqualTo("2024-09-03");
    }

    private final Map<String, String> previousHashes = new java.util.HashMap<>();

    /** A raw row as an older version wrote it: its fields reversed, a flip approval under its former name. */
    private void storedByAnOlderVersion(FullJourney.Step step) throws Exception {
        Serializer serializer = events.engine().getEventSerializer();
        ObjectNode payload = (ObjectNode) json.readTree(serializer.serialize(step.event(), byte[].class).getData());
        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        Collections.reverse(names);
        ObjectNode reversed = json.createObjectNode();
        names.forEach(name -> reversed.set(name, payload.get(name)));
        String type = step.event() instanceof FlipApprovedEvent ? FORMER_NAME : step.event().getClass().getName();
        String eventId = UUID.randomUUID().toString();
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        byte[] metaData = serializer.serialize(step.actor(), byte[].class).getData();
        byte[] bytes = json.writeValueAsBytes(reversed);
        // Chained as every stored event is, so the store's integrity check (other tests share it) still passes.
        String previous = previousHashes.getOrDefault(step.aggregateId(), EventHashChain.GENESIS);
        String hash = EventHashChain.hash(previous, step.aggregateType(), step.aggregateId(), step.sequence(), eventId,
                timestamp, type, null, bytes, metaData);
        previousHashes.put(step.aggregateId(), hash);
        readStore.update("""
                INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                    payload, payload_revision, payload_type, time_stamp, event_hash, previous_hash)
                VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)""",
                step.aggregateId(), step.sequence(), step.aggregateType(), eventId, metaData, bytes, type, timestamp,
                hash, previous);
    }

    private JsonNode history(String clientId) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR"));
        headers.set("X-Processing-Activity", "audit-decision-history");
        var response = http.exchange("/api/v1/clients/" + clientId + "/history", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    /** The history without what differs by nature between two stores: ids, positions, recording times. */
    private JsonNode normalised(JsonNode history, String client, String tenancy, String care) throws Exception {
        ObjectNode copy = history.deepCopy();
        copy.remove(List.of("clientId", "asOf", "page"));
        for (JsonNode entry : copy.get("entries")) {
            ((ObjectNode) entry).remove(List.of("globalIndex", "recordedAt"));
        }
        String text = json.writeValueAsString(copy).replace(client, "CLIENT-ID").replace(tenancy, "TENANCY-ID")
                .replace(care, "CARE-ID");
        return json.readTree(text);
    }
}
