package nl.weerthuis.command.web;

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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change answers with the version its own unit of work appended: a create with 201, Location and ETag; under
 * concurrency each caller's ETag is the sequence of the event that caller's request appended; the current version
 * can be read; a stale If-Match says what changed since.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExactVersionsHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private ResponseEntity<String> send(HttpMethod method, String path, String body, String person, String ifMatch,
                                        String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.tokenFor(person, TestTokens.MUNICIPALITY, "MUNICIPALITY", "CASEWORKER"));
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        if (key != null) {
            headers.set("Idempotency-Key", key);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private String register(String key) {
        return send(HttpMethod.POST, "/api/v1/clients", """
                {"setting":"SHELTER","facility":"MO","region":"Versions","municipality":"Almelo",
                 "careProvider":"87654321","registeredOn":"2026-01-05"}""", "intake", null, key).getBody();
    }

    @Test
    void a_create_answers_201_with_location_and_etag_also_when_repeated() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.municipalCaseworker());
        headers.set("Idempotency-Key", key);
        String body = """
                {"setting":"SHELTER","facility":"MO","region":"Versions","municipality":"Almelo",
                 "careProvider":"87654321","registeredOn":"2026-01-05"}""";
        ResponseEntity<String> created = http.exchange("/api/v1/clients", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        ResponseEntity<String> repeated = http.exchange("/api/v1/clients", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);

        String clientId = json.readTree(created.getBody()).get("clientId").asText();
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/clients/" + clientId);
        assertThat(created.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(repeated.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(repeated.getHeaders().getLocation()).isEqualTo(created.getHeaders().getLocation());

        ResponseEntity<String> current = send(HttpMethod.GET, "/api/v1/clients/" + clientId, null, "reader", null, null);
        assertThat(current.getStatusCode().value()).isEqualTo(200);
        assertThat(current.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(json.readTree(current.getBody()).get("version").asLong()).isZero();
        assertThat(current.getBody()).doesNotContain("MO").doesNotContain("Almelo");
        ResponseEntity<String> head = send(HttpMethod.HEAD, "/api/v1/clients/" + clientId, null, "reader", null, null);
        assertThat(head.getHeaders().getETag()).isEqualTo("\"0\"");

        HttpHeaders corporation = new HttpHeaders();
        corporation.setBearerAuth(TestTokens.token(TestTokens.CORPORATION, "HOUSING_CORPORATION", "CASEWORKER"));
        assertThat(http.exchange("/api/v1/clients/" + clientId, HttpMethod.GET, new HttpEntity<>(corporation), String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void under_concurrency_each_caller_gets_the_version_of_its_own_event() throws Exception {
        String clientId = json.readTree(register(null)).get("clientId").asText();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<String[]>> answers = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String person = "caller-" + i;
            answers.add(callers.submit((Callable<String[]>) () -> new String[]{person, send(HttpMethod.POST,
                    "/api/v1/clients/" + clientId + "/housing-wishes",
                    "{\"wishes\":\"near " + person + "\",\"recordedOn\":\"2026-01-06\"}", person, null, null)
                    .getHeaders().getETag()}));
        }
        callers.shutdown();
        for (Future<String[]> answer : answers) {
            String person = answer.get()[0];
            long version = Long.parseLong(answer.get()[1].replace("\"", ""));
            byte[] metadata = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND sequence_number = ?", byte[].class, clientId, version);
            assertThat(json.readTree(new String(metadata, StandardCharsets.UTF_8)).get("actorPerson").asText())
                    .as("the event at the version " + person + " was given").isEqualTo(person);
        }
    }

    @Test
    void a_stale_if_match_names_the_changes_since() throws Exception {
        String clientId = json.readTree(register(null)).get("clientId").asText();
        send(HttpMethod.POST, "/api/v1/clients/" + clientId + "/outflow-trajectory", "{\"startedOn\":\"2026-01-07\"}",
                "other", "\"0\"", null);

        ResponseEntity<String> stale = send(HttpMethod.POST, "/api/v1/clients/" + clientId + "/housing-wishes",
                "{\"wishes\":\"near family\",\"recordedOn\":\"2026-01-08\"}", "late", "\"0\"", null);

        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        JsonNode problem = json.readTree(stale.getBody());
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
        assertThat(problem.get("changesSince")).hasSize(1);
        assertThat(problem.get("changesSince").get(0).get("event").asText()).isEqualTo("OutflowTrajectoryStartedEvent");
        assertThat(problem.get("changesSince").get(0).get("timeDriven").asBoolean()).isFalse();
    }
}
