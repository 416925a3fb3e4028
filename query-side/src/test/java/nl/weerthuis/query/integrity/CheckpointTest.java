package nl.weerthuis.query.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.HousingWishesRecordedEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.eventstore.EventHashChain;
import nl.weerthuis.kernel.integrity.CheckpointTool;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "done when": an insider rewrites one event and re-hashes its whole chain in the database. The
 * integrity check on its own passes (the store agrees with itself); the verifier, against a checkpoint signed
 * before, fails and names that event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class CheckpointTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Value("${weerthuis.database.event-store-schema}")
    String eventStoreSchema;
    @TempDir
    Path operator;

    @Test
    void a_chain_rewritten_and_re_hashed_passes_the_integrity_check_and_fails_against_the_checkpoint() throws Exception {
        String client = UUID.randomUUID().toString();
        events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, "MO", "Twente",
                "Almelo", "87654321", LocalDate.of(2025, 1, 6), null));
        events.append("Client", client, 1, new OutflowTrajectoryStartedEvent(client, CareSetting.SHELTER, "Twente",
                "Almelo", LocalDate.of(2025, 2, 1)));
        events.append("Client", client, 2, new HousingWishesRecordedEvent(client, "Ground floor, near the station",
                null, LocalDate.of(2025, 2, 3)));
        // Tamper only once the read models have what they need, so they are not left short by the test itself.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM monitor_trajectory WHERE client_id = ?", Long.class, client) == 1);

        // The operator takes a checkpoint and ships its file and the public keys away from the database.
        ResponseEntity<String> signed = http.exchange("/api/v1/admin/integrity/checkpoints", HttpMethod.POST,
                as("ADMIN"), String.class);
        assertThat(signed.getStatusCode().value()).as(signed.getBody()).isEqualTo(201);
        long id = json.readTree(signed.getBody()).get("id").asLong();
        assertThat(signed.getHeaders().getLocation()).hasToString("/api/v1/integrity/checkpoints/" + id);
        Path checkpoint = operator.resolve("checkpoint.txt");
        Files.writeString(checkpoint, http.exchange("/api/v1/integrity/checkpoints/" + id, HttpMethod.GET, as("AUDITOR"),
                String.class).getBody());
        Path publicKeys = operator.resolve("public-keys");
        List<String> keys = new ArrayList<>();
        json.readTree(http.getForObject("/api/v1/integrity/signing-keys", String.class)).get("keys")
                .forEach(key -> keys.add(key.get("publicKey").asText()));
        Files.write(publicKeys, keys);
        assertThat(verify(checkpoint, publicKeys)).startsWith("0\n").contains("VERIFIED");

        String rewritten = jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 1", String.class, client);
        List<Map<String, Object>> original = jdbc.queryForList("SELECT * FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? ORDER BY sequence_number", client);
        try {
            // The trajectory "started in Hengelo", and every hash from that event on recomputed to match.
            byte[] payload = (byte[]) original.get(1).get("payload");
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?",
                    new String(payload, StandardCharsets.UTF_8).replace("Almelo", "Hengelo").getBytes(StandardCharsets.UTF_8),
                    rewritten);
            rehashFrom(client, 1);

            JsonNode intact = json.readTree(http.exchange("/api/v1/integrity", HttpMethod.GET, as("AUDITOR"),
                    String.class).getBody());
            assertThat(intact.get("intact").asBoolean()).as("the store agrees with itself").isTrue();

            String verdict = verify(checkpoint, publicKeys);
            assertThat(verdict).startsWith("1\n").contains("CHANGED")
                    .contains("aggregate " + client + ", sequence 1, event " + rewritten)
                    .contains("recomputed");
        } finally {
            for (Map<String, Object> row : original) {
                jdbc.update("UPDATE domain_event_entry SET payload = ?, event_hash = ?, previous_hash = ? "
                        + "WHERE event_identifier = ?", row.get("payload"), row.get("event_hash"), row.get("previous_hash"),
                        row.get("event_identifier"));
            }
        }
        assertThat(verify(checkpoint, publicKeys)).startsWith("0\n");
    }

    @Test
    void a_checkpoint_signed_by_a_key_the_operator_does_not_trust_proves_nothing() throws Exception {
        ResponseEntity<String> signed = http.exchange("/api/v1/admin/integrity/checkpoints", HttpMethod.POST,
                as("ADMIN"), String.class);
        long id = json.readTree(signed.getBody()).get("id").asLong();
        Path checkpoint = operator.resolve("checkpoint.txt");
        Files.writeString(checkpoint, http.exchange("/api/v1/integrity/checkpoints/" + id, HttpMethod.GET, as("ADMIN"),
                String.class).getBody());
        Path otherKeys = operator.resolve("other-keys");
        Files.writeString(otherKeys, nl.weerthuis.kernel.integrity.SigningKey.fromSeed(
                java.util.Base64.getEncoder().encodeToString(new byte[32])).publicKey() + "\n");

        assertThat(verify(checkpoint, otherKeys)).startsWith("1\n").contains("NOT AUTHENTIC");
    }

    @Test
    void only_admins_sign_and_only_auditors_and_admins_read_checkpoints_while_the_public_keys_are_public() {
        for (String role : new String[]{"CASEWORKER", "MONITOR", "PARTNER_SYSTEM", "CLIENT", "AUDITOR"}) {
            assertThat(http.exchange("/api/v1/admin/integrity/checkpoints", HttpMethod.POST, as(role), String.class)
                    .getStatusCode().value()).as(role).isEqualTo(403);
        }
        assertThat(http.exchange("/api/v1/admin/integrity/checkpoints", HttpMethod.POST, asAnotherOrganisationsAdmin(),
                String.class).getStatusCode().value()).as("an ADMIN of another organisation than the operator").isEqualTo(403);
        for (String role : new String[]{"CASEWORKER", "MONITOR", "PARTNER_SYSTEM", "CLIENT"}) {
            assertThat(http.exchange("/api/v1/integrity/checkpoints", HttpMethod.GET, as(role), String.class)
                    .getStatusCode().value()).as(role).isEqualTo(403);
        }
        assertThat(http.getForEntity("/api/v1/integrity/checkpoints", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.exchange("/api/v1/integrity/checkpoints/999999999", HttpMethod.GET, as("AUDITOR"), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/api/v1/integrity/checkpoints/x'1", HttpMethod.GET, as("AUDITOR"), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/api/v1/integrity/checkpoints?limit=0", HttpMethod.GET, as("AUDITOR"), String.class)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(http.getForEntity("/api/v1/integrity/signing-keys", String.class).getBody())
                .contains("\"status\":\"current\"").contains("Ed25519");
    }

    /** What someone with write access to the database does to hide an edit: recompute the chain after it. */
    private void rehashFrom(String aggregate, long sequence) {
        String previous = jdbc.queryForObject("SELECT event_hash FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", String.class, aggregate, sequence - 1).trim();
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number >= ? ORDER BY sequence_number", aggregate, sequence)) {
            String hash = EventHashChain.hash(previous, (String) row.get("type"), aggregate,
                    ((Number) row.get("sequence_number")).longValue(), (String) row.get("event_identifier"),
                    (String) row.get("time_stamp"), (String) row.get("payload_type"), (String) row.get("payload_revision"),
                    (byte[]) row.get("payload"), (byte[]) row.get("meta_data"));
            jdbc.update("UPDATE domain_event_entry SET event_hash = ?, previous_hash = ? WHERE event_identifier = ?",
                    hash, previous, row.get("event_identifier"));
            previous = hash;
        }
    }

    /** {@code ./weerthuis verify} as the launcher runs it: exit status, a newline, then what it printed. */
    private String verify(Path checkpoint, Path publicKeys) {
        TestDatabase database = TestDatabase.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CheckpointTool.run(new String[]{"verify", "--checkpoint", checkpoint.toString(), "--public-keys",
                        publicKeys.toString(), "--db-url", database.url(), "--db-user", database.user(), "--schema",
                        eventStoreSchema}, Map.of("WEERTHUIS_DB_PASSWORD", database.password()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return status + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    /** An inspectorate's officer in the given role; an ADMIN is the operating organisation's, the only one that signs. */
    private HttpEntity<Void> as(String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(role.equals("ADMIN") ? TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", role)
                : TestTokens.token("00000001009876543000", "SUPERVISOR", role));
        return new HttpEntity<>(headers);
    }

    private HttpEntity<Void> asAnotherOrganisationsAdmin() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token("00000001009876543000", "SUPERVISOR", "ADMIN"));
        return new HttpEntity<>(headers);
    }
}
