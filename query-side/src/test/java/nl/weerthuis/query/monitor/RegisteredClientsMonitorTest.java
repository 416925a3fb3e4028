package nl.weerthuis.query.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Events in the shared PostgreSQL event store reach the monitor projection and its HTTP API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class RegisteredClientsMonitorTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ObjectMapper json;

    private final String region = "Twente-" + UUID.randomUUID();

    private void register(CareSetting setting, int clients) {
        for (int i = 0; i < clients; i++) {
            String clientId = UUID.randomUUID().toString();
            events.append("Client", clientId, new ClientRegisteredEvent(clientId, setting, "RIBW De Linde", region,
                    "Almelo", "87654321", LocalDate.of(2026, 2, 1), null));
        }
    }

    private ResponseEntity<String> get(String token, String query) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange("/api/v1/monitor/registered-clients" + query, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    private JsonNode regionRow(String token) throws Exception {
        JsonNode regions = json.readTree(get(token, "?region=" + region).getBody()).get("regions");
        return regions.isEmpty() ? null : regions.get(0);
    }

    @Test
    void registered_clients_are_counted_per_region_and_care_setting() {
        register(CareSetting.PROTECTED_HOUSING, 6);
        register(CareSetting.SHELTER, 7);
        String admin = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode row = regionRow(admin);
            assertThat(row).isNotNull();
            assertThat(row.get("protectedHousing").asLong()).isEqualTo(6);
            assertThat(row.get("shelter").asLong()).isEqualTo(7);
            assertThat(row.get("total").asLong()).isEqualTo(13);
        });
    }

    @Test
    void monitors_never_see_a_count_from_one_to_four_nor_can_derive_it_from_the_total() throws Exception {
        register(CareSetting.PROTECTED_HOUSING, 3);
        register(CareSetting.SHELTER, 8);
        String admin = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode row = regionRow(admin);
            assertThat(row).isNotNull();
            assertThat(row.get("total").asLong()).isEqualTo(11);
        });

        JsonNode row = regionRow(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR"));
        assertThat(row.get("protectedHousing").isNull()).isTrue();
        assertThat(row.get("shelter").isNull()).isTrue();
        assertThat(row.get("total").asLong()).isEqualTo(11);
        assertThat(row.get("suppressed")).extracting(JsonNode::asText).containsExactlyInAnyOrder("protectedHousing", "shelter");
    }

    @Test
    void other_roles_are_refused_and_anonymous_callers_must_authenticate() {
        for (String role : new String[]{"CASEWORKER", "AUDITOR", "PARTNER_SYSTEM", "CLIENT"}) {
            ResponseEntity<String> response = get(TestTokens.token(TestTokens.CORPORATION, "HOUSING_CORPORATION", role), "");
            assertThat(response.getStatusCode()).as(role).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(get(null, "").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void an_over_long_region_filter_is_a_problem_json_400() throws Exception {
        ResponseEntity<String> response = get(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR"),
                "?region=" + "x".repeat(101));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("invalidParams").get(0).get("name").asText()).isEqualTo("region");
    }

    @Test
    void responses_carry_the_api_version_and_security_headers() {
        ResponseEntity<String> response = get(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR"), "");
        assertThat(response.getHeaders().getFirst("API-Version")).isEqualTo("1.0.0");
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(http.getForEntity("/api/v1/openapi.json", String.class).getBody())
                .contains("\"/api/v1\"", "\"/monitor/registered-clients\"");
    }
}
