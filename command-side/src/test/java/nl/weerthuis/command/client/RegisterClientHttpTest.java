package nl.weerthuis.command.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/clients} through HTTP into the PostgreSQL event store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegisterClientHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final String region = "Twente-" + UUID.randomUUID();

    private String validBody() {
        return """
                {"setting":"PROTECTED_HOUSING","facility":"RIBW De Linde","region":"%s",
                 "municipality":"Almelo","careProvider":"87654321","registeredOn":"2026-01-15"}""".formatted(region);
    }

    private ResponseEntity<String> post(String token, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/v1/clients", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void a_municipal_caseworker_registers_a_client_and_the_event_is_stored_with_its_actor() throws Exception {
        ResponseEntity<String> response = post(TestTokens.municipalCaseworker(), validBody(), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getFirst("API-Version")).isEqualTo("1.0.0");
        String clientId = json.readTree(response.getBody()).get("clientId").asText();

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT payload_type, payload, meta_data, sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?",
                clientId);
        assertThat(row.get("payload_type")).isEqualTo("nl.weerthuis.kernel.client.ClientRegisteredEvent");
        assertThat((Long) row.get("sequence_number")).isZero();
        JsonNode payload = json.readTree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
        assertThat(payload.get("region").asText()).isEqualTo(region);
        assertThat(payload.get("setting").asText()).isEqualTo("PROTECTED_HOUSING");
        assertThat(payload.get("registeredOn").asText()).isEqualTo("2026-01-15");
        JsonNode metadata = json.readTree(new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8));
        assertThat(metadata.get("actorOrganisation").asText()).isEqualTo(TestTokens.MUNICIPALITY);
        assertThat(metadata.get("actorOrganisationType").asText()).isEqualTo("MUNICIPALITY");
        assertThat(metadata.get("actorPerson").asText()).isEqualTo("person-municipality");
        assertThat(metadata.get("actorRoles").asText()).isEqualTo("CASEWORKER");
        assertThat(metadata.get("traceparent").asText()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        // Readers sequence by it without decoding the payload.
        assertThat(metadata.get("dataSubject").asText()).isEqualTo(clientId);
    }

    @Test
    void invalid_input_lists_every_field_error_at_once_and_appends_nothing() throws Exception {
        long before = eventCount();
        ResponseEntity<String> response = post(TestTokens.municipalCaseworker(),
                "{\"setting\":\"PROTECTED_HOUSING\",\"careProvider\":\"abc\",\"registeredOn\":\"2999-01-01\"}", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.findValuesAsText("name"))
                .containsExactlyInAnyOrder("careProvider", "facility", "municipality", "region", "registeredOn");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void an_unknown_care_setting_is_a_clear_400() throws Exception {
        ResponseEntity<String> response = post(TestTokens.municipalCaseworker(),
                validBody().replace("PROTECTED_HOUSING", "PRISON"), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("invalidParams").get(0).get("name").asText()).isEqualTo("setting");
    }

    @Test
    void repeating_an_idempotency_key_returns_the_first_outcome_and_appends_nothing() throws Exception {
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = post(TestTokens.municipalCaseworker(), validBody(), key);
        // Counted as the requests' own: the store is shared with the other tests' deadlines and journeys.
        long afterFirst = eventCount();
        ResponseEntity<String> repeat = post(TestTokens.municipalCaseworker(), validBody(), key);

        assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(repeat.getBody()).get("clientId").asText())
                .isEqualTo(json.readTree(first.getBody()).get("clientId").asText());
        assertThat(eventCount()).isEqualTo(afterFirst);

        ResponseEntity<String> reusedForOther = post(TestTokens.municipalCaseworker(),
                validBody().replace("Almelo", "Hengelo"), key);
        assertThat(reusedForOther.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(eventCount()).isEqualTo(afterFirst);
    }

    @Test
    void without_a_token_registration_is_refused_with_401() {
        assertThat(post(null, validBody(), null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        String forged = TestTokens.municipalCaseworker();
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
        assertThat(post(forged, validBody(), null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_wrong_role_or_organisation_type_is_refused_with_403_and_appends_nothing() {
        long before = eventCount();
        for (String token : new String[]{
                TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR"),
                TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "AUDITOR"),
                TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"),
                TestTokens.token(TestTokens.CORPORATION, "HOUSING_CORPORATION", "CASEWORKER"),
                TestTokens.token(TestTokens.CARE_PROVIDER, "CARE_PROVIDER", "CASEWORKER"),
                TestTokens.token(TestTokens.CORPORATION, "HOUSING_CORPORATION", "PARTNER_SYSTEM")}) {
            ResponseEntity<String> response = post(token, validBody(), null);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void responses_carry_the_security_headers_of_the_api_design_rules() {
        ResponseEntity<String> response = post(TestTokens.municipalCaseworker(), validBody(), null);
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getCacheControl()).contains("no-store");
    }

    @Test
    void openapi_and_health_are_served() {
        assertThat(http.getForEntity("/api/v1/openapi.json", String.class).getBody()).contains("\"/api/v1\"", "\"/clients\"");
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Registrations in this test's region: what a repeated request would add to. */
    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%ClientRegisteredEvent'"
                + " AND convert_from(payload, 'UTF8') LIKE ?", Long.class, "%\"region\":\"" + region + "\"%");
    }
}
