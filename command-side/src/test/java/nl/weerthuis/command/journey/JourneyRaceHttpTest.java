package nl.weerthuis.command.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The immediate sequence over HTTP, without waiting in between: a move-in, then at once a monitoring review (not
 * 422 CLIENT_NOT_HOUSED), then, with the client's version read after the move-in, a return to care (not 409). The
 * outflow is part of the move-in's own unit of work, so there is nothing to race.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JourneyRaceHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final LocalDate movedIn = nl.weerthuis.kernel.BusinessCalendar.today().minusMonths(2);
    private final String municipality = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");
    private final String corporation = TestTokens.token(TestTokens.CORPORATION, "HOUSING_CORPORATION", "CASEWORKER");
    private final String careProvider = TestTokens.token(TestTokens.CARE_PROVIDER, "CARE_PROVIDER", "CASEWORKER");

    @RepeatedTest(5)
    void a_review_and_a_return_to_care_right_after_the_move_in_are_accepted() throws Exception {
        String clientId = housedClient(movedIn);

        post(careProvider, "/api/v1/clients/" + clientId + "/monitoring-reviews",
                "{\"reviewedOn\":\"%s\",\"outcome\":\"settling in\"}".formatted(movedIn.plusDays(10)), null);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(municipality);
        String version = http.exchange("/api/v1/clients/" + clientId, HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getHeaders().getETag();
        post(municipality, "/api/v1/clients/" + clientId + "/return-to-care",
                "{\"setting\":\"PROTECTED_HOUSING\",\"returnedOn\":\"%s\",\"grounds\":\"relapse\"}".formatted(movedIn.plusDays(20)),
                version);
    }

    @org.junit.jupiter.api.Test
    void a_version_moved_by_the_clock_is_explained_in_the_409() throws Exception {
        // Moved in seven months ago: the first half-yearly review falls due at once, a deadline, not a person.
        String clientId = housedClient(nl.weerthuis.kernel.BusinessCalendar.today().minusMonths(7));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%MonitoringReviewDueEvent'",
                Long.class, clientId) == 1);
        long due = jdbc.queryForObject("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE '%MonitoringReviewDueEvent'", Long.class, clientId);

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(careProvider);
        headers.setIfMatch("\"" + (due - 1) + "\"");
        ResponseEntity<String> stale = http.exchange("/api/v1/clients/" + clientId + "/monitoring-reviews", HttpMethod.POST,
                new HttpEntity<>("{\"reviewedOn\":\"%s\",\"outcome\":\"stable\"}".formatted(
                        nl.weerthuis.kernel.BusinessCalendar.today().minusDays(1)), headers), String.class);

        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        var change = json.readTree(stale.getBody()).get("changesSince").get(0);
        assertThat(change.get("event").asText()).isEqualTo("MonitoringReviewDueEvent");
        assertThat(change.get("timeDriven").asBoolean()).isTrue();
        assertThat(change.get("recordedAt").asText()).isNotBlank();
    }

    private String housedClient(LocalDate movedIn) throws Exception {
        String region = "Race-" + UUID.randomUUID();
        String clientId = json.readTree(post(municipality, "/api/v1/clients", """
                {"setting":"PROTECTED_HOUSING","facility":"RIBW","region":"%s","municipality":"Almelo",
                 "careProvider":"%s","registeredOn":"%s"}""".formatted(region, TestTokens.CARE_PROVIDER,
                movedIn.minusMonths(6)), null).getBody()).get("clientId").asText();
        post(municipality, "/api/v1/clients/" + clientId + "/outflow-trajectory",
                "{\"startedOn\":\"%s\"}".formatted(movedIn.minusMonths(5)), null);
        post(careProvider, "/api/v1/clients/" + clientId + "/arrangement-checklist", """
                {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                 "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"%s"}""".formatted(movedIn.minusMonths(4)), null);
        post(municipality, "/api/v1/clients/" + clientId + "/housing-requests",
                "{\"corporation\":\"%s\",\"requestedOn\":\"%s\"}".formatted(TestTokens.CORPORATION, movedIn.minusMonths(3)),
                null);
        String tenancyId = json.readTree(post(corporation, "/api/v1/tenancies", """
                {"clientId":"%s","careProvider":"%s","leaseForm":"TRIPARTITE","fromQuota":true,"offeredOn":"%s",
                 "dwelling":{"address":"Hoofdstraat 1","municipality":"Almelo","neighbourhood":"Centrum"}}"""
                .formatted(clientId, TestTokens.CARE_PROVIDER, movedIn.minusMonths(2)), null).getBody()).get("tenancyId").asText();
        post(municipality, "/api/v1/tenancies/" + tenancyId + "/acceptance", "{\"on\":\"%s\"}".formatted(movedIn.minusMonths(2)), null);
        post(corporation, "/api/v1/tenancies/" + tenancyId + "/contract", "{\"on\":\"%s\"}".formatted(movedIn.minusDays(5)), null);
        post(corporation, "/api/v1/tenancies/" + tenancyId + "/move-in", "{\"on\":\"%s\"}".formatted(movedIn), null);
        return clientId;
    }

    private ResponseEntity<String> post(String token, String path, String body, String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        if (ifMatch != null) {
            headers.setIfMatch(ifMatch);
        }
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " -> " + response.getBody()).isTrue();
        return response;
    }
}
