package nl.weerthuis.command.organisation;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The register over HTTP as the operator's ADMIN keeps it: versions, idempotency and strict input as elsewhere. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OrganisationHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final String number = String.format("%08d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));

    private ResponseEntity<String> send(HttpMethod method, String path, String body, String ifMatch, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        // The test municipality is the operator (weerthuis.operator.organisation).
        headers.setBearerAuth(TestTokens.tokenFor("beheer", TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"));
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private long events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, number);
    }

    @Test
    void registered_under_its_number_then_renamed_with_versions_and_idempotency_keys() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"organisationId\":\"" + number + "\",\"name\":\"Woonstichting\",\"type\":\"HOUSING_CORPORATION\","
                + "\"regions\":[\"Twente\"]}";
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/v1/organisations", body, null, key);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/organisations/" + number);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(json.readTree(created.getBody()).get("organisationId").asText()).isEqualTo(number);
        assertThat(send(HttpMethod.POST, "/api/v1/organisations", body, null, key).getStatusCode().value())
                .as("a repeat of the key gives the first outcome").isEqualTo(201);
        ResponseEntity<String> again = send(HttpMethod.POST, "/api/v1/organisations", body, null, null);
        assertThat(again.getStatusCode().value()).isEqualTo(422);
        assertThat(again.getBody()).contains("ORGANISATION_REGISTERED_ONCE");
        assertThat(events()).isEqualTo(1);

        ResponseEntity<String> renamed = send(HttpMethod.POST, "/api/v1/organisations/" + number + "/name",
                "{\"name\":\"Woonstichting De Woonplaats\"}", "\"0\"", null);
        assertThat(renamed.getStatusCode().value()).isEqualTo(204);
        assertThat(renamed.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(send(HttpMethod.POST, "/api/v1/organisations/" + number + "/regions", "{\"regions\":[\"Salland\"]}",
                "\"0\"", null).getStatusCode().value()).as("a stale version").isEqualTo(409);
        assertThat(send(HttpMethod.GET, "/api/v1/organisations/" + number, null, null, null).getHeaders().getETag())
                .isEqualTo("\"1\"");
        assertThat(events()).isEqualTo(2);

        assertThat(send(HttpMethod.POST, "/api/v1/organisations/99999998/name", "{\"name\":\"x\"}", null, null)
                .getStatusCode().value()).as("an unregistered number").isEqualTo(404);
    }

    @Test
    void bad_input_is_a_400_naming_every_field_and_changes_nothing() {
        ResponseEntity<String> refused = send(HttpMethod.POST, "/api/v1/organisations",
                "{\"organisationId\":\"1234\",\"name\":\"\",\"type\":\"BANK\",\"regions\":[\"ok\", 7],\"extra\":1}", null, null);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).contains("\"organisationId\"", "\"type\"", "\"extra\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = '1234'",
                Long.class)).isZero();
    }
}
