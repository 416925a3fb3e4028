package nl.weerthuis.command.web;

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

import static org.assertj.core.api.Assertions.assertThat;

/** A command made against a version the caller read ({@code If-Match}) is refused with 409 once that version is stale. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OptimisticConcurrencyHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private ResponseEntity<String> post(String path, String body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.municipalCaseworker());
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void a_stale_version_gives_409_and_appends_nothing() throws Exception {
        String clientId = json.readTree(post("/api/v1/clients", """
                {"setting":"SHELTER","facility":"MO","region":"Occ","municipality":"Almelo",
                 "careProvider":"87654321","registeredOn":"2026-01-05"}""", null).getBody()).get("clientId").asText();
        String checklist = """
                {"checklist":{"budgetManagement":true,"debtHelp":false,"dayActivity":false,"support":true,
                 "incomeFromMoveDate":false,"debtsStabilised":false},"updatedOn":"2026-01-06"}""";

        ResponseEntity<String> first = post("/api/v1/clients/" + clientId + "/arrangement-checklist", checklist, "\"0\"");
        assertThat(first.getStatusCode().value()).isEqualTo(204);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"1\"");

        ResponseEntity<String> stale = post("/api/v1/clients/" + clientId + "/outflow-trajectory",
                "{\"startedOn\":\"2026-01-07\"}", "\"0\"");
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events(clientId)).isEqualTo(2);

        ResponseEntity<String> current = post("/api/v1/clients/" + clientId + "/outflow-trajectory",
                "{\"startedOn\":\"2026-01-07\"}", "\"1\"");
        assertThat(current.getStatusCode().value()).isEqualTo(204);
        assertThat(events(clientId)).isEqualTo(3);
    }

    @Test
    void an_if_match_that_is_no_version_is_a_400() {
        ResponseEntity<String> response = post("/api/v1/clients/x/outflow-trajectory", "{\"startedOn\":\"2026-01-07\"}",
                "\"abc\"");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregateId);
    }
}
