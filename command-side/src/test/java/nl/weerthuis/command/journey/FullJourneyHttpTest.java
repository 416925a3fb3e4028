package nl.weerthuis.command.journey;

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
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One whole journey through HTTP against PostgreSQL, with the persistent deadlines firing for real: register,
 * trajectory, offer, tripartite tenancy, move-in, signal raised and resolved, reviews, flip, indication ended,
 * waakvlam, contact missed, waakvlam ended. Dates are set relative to today so that exactly the deadlines the story
 * needs are due: move-in 7 months ago (first review and the flip term due), indication ended 5 weeks ago (one
 * waakvlam contact missed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FullJourneyHttpTest {

    static final String MUNICIPALITY = TestTokens.MUNICIPALITY;
    static final String CORPORATION = TestTokens.CORPORATION;
    static final String PROVIDER = TestTokens.CARE_PROVIDER;

    @Autowired
    nl.weerthuis.kernel.privacy.PersonalDataCipher cipher;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    jakarta.validation.ValidatorFactory validation;

    private final String region = "Journey-" + UUID.randomUUID();
    private final LocalDate today = nl.weerthuis.kernel.BusinessCalendar.today();
    private final LocalDate movedIn = today.minusMonths(7);

    private final String municipality = TestTokens.token(MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");
    private final String corporation = TestTokens.token(CORPORATION, "HOUSING_CORPORATION", "CASEWORKER");
    private final String careProvider = TestTokens.token(PROVIDER, "CARE_PROVIDER", "CASEWORKER");

    /** From midnight in Amsterdam to midnight UTC, a registration dated today was refused as "in the future". */
    @org.junit.jupiter.api.Test
    void today_is_judged_by_the_dutch_calendar_whatever_the_servers_zone() {
        // Written out: the test says which zone, not the code under test.
        assertThat(validation.getClockProvider().getClock().getZone()).isEqualTo(java.time.ZoneId.of("Europe/Amsterdam"));
    }

    private JsonNode post(String token, String path, String body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " -> " + response.getBody()).isTrue();
        return response.getBody() == null ? null : json.readTree(response.getBody());
    }

    private List<String> eventTypes(String aggregateId) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class, aggregateId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /** Every event of any aggregate about this client (its id is in the payload, in the clear). */
    private long eventsAbout(String clientId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?",
                Long.class, "%" + clientId + "%");
    }

    private void awaitEvent(String aggregateId, String type) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes(aggregateId)).contains(type));
    }

    @Test
    void a_whole_journey_from_registration_to_the_end_of_the_waakvlam() throws Exception {
        post(municipality, "/api/v1/regional-agreements", """
                {"region":"%s","name":"Convenant","effectiveFrom":"2020-01-01","policy":{"offerDeadline":"P6M",
                 "flipMinimumTerm":"P6M","flipMaximumTerm":"P18M","reviewCadence":"P6M","reviewPeriod":"P24M",
                 "waakvlamFrequency":"P4W","waakvlamDuration":"P6M"}}""".formatted(region));

        String clientId = post(municipality, "/api/v1/clients", """
                {"setting":"PROTECTED_HOUSING","facility":"RIBW","region":"%s","municipality":"Almelo",
                 "careProvider":"%s","registeredOn":"%s"}""".formatted(region, PROVIDER, movedIn.minusMonths(6))).get("clientId").asText();
        post(municipality, "/api/v1/clients/" + clientId + "/outflow-trajectory",
                "{\"startedOn\":\"%s\"}".formatted(movedIn.minusMonths(5)));
        post(careProvider, "/api/v1/clients/" + clientId + "/arrangement-checklist", """
                {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                 "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"%s"}""".formatted(movedIn.minusMonths(4)));
        post(municipality, "/api/v1/clients/" + clientId + "/housing-requests",
                "{\"corporation\":\"%s\",\"requestedOn\":\"%s\"}".formatted(CORPORATION, movedIn.minusMonths(3)));
        String indicationId = post(municipality, "/api/v1/care-indications", """
                {"clientId":"%s","type":"AMBULATORY_SUPPORT","hoursPerWeek":6,"provider":"%s","region":"%s",
                 "validFrom":"%s","validUntil":"%s"}""".formatted(clientId, PROVIDER, region, movedIn.minusMonths(1),
                today.plusYears(1))).get("indicationId").asText();

        String tenancyId = post(corporation, "/api/v1/tenancies", """
                {"clientId":"%s","careProvider":"%s","leaseForm":"TRIPARTITE","fromQuota":true,"offeredOn":"%s",
                 "dwelling":{"address":"Hoofdstraat 1","municipality":"Almelo","neighbourhood":"Centrum"}}"""
                .formatted(clientId, PROVIDER, movedIn.minusMonths(2))).get("tenancyId").asText();
        post(municipality, "/api/v1/tenancies/" + tenancyId + "/acceptance", "{\"on\":\"%s\"}".formatted(movedIn.minusMonths(2)));
        post(corporation, "/api/v1/tenancies/" + tenancyId + "/contract", "{\"on\":\"%s\"}".formatted(movedIn.minusDays(5)));
        post(corporation, "/api/v1/tenancies/" + tenancyId + "/move-in", "{\"on\":\"%s\"}".formatted(movedIn));

        // The journey process records the outflow on the client; the deadlines then fire: review 1 and the flip term.
        awaitEvent(tenancyId, "FlipTermReachedEvent");
        awaitEvent(clientId, "MonitoringReviewDueEvent");

        String signalId = post(corporation, "/api/v1/tenancies/" + tenancyId + "/signals", """
                {"kind":"RENT_ARREARS","severity":"HIGH","description":"two months behind","raisedOn":"%s"}"""
                .formatted(movedIn.plusMonths(3))).get("signalId").asText();
        String signal = "/api/v1/tenancies/" + tenancyId + "/signals/" + signalId;
        post(careProvider, signal + "/acknowledgement", "{\"on\":\"%s\"}".formatted(movedIn.plusMonths(3)));
        post(careProvider, signal + "/discussion", "{\"on\":\"%s\",\"notes\":\"budget plan\"}".formatted(movedIn.plusMonths(3)));
        post(careProvider, signal + "/resolution", "{\"on\":\"%s\",\"notes\":\"arrears paid\"}".formatted(movedIn.plusMonths(4)));

        post(careProvider, "/api/v1/clients/" + clientId + "/monitoring-reviews",
                "{\"reviewedOn\":\"%s\",\"outcome\":\"stable\"}".formatted(movedIn.plusMonths(6)));

        post(corporation, "/api/v1/tenancies/" + tenancyId + "/flip-approvals", "{\"on\":\"%s\"}".formatted(today.minusDays(3)));
        post(careProvider, "/api/v1/tenancies/" + tenancyId + "/flip-approvals", "{\"on\":\"%s\"}".formatted(today.minusDays(3)));
        post(municipality, "/api/v1/tenancies/" + tenancyId + "/flip-approvals", "{\"on\":\"%s\"}".formatted(today.minusDays(2)));
        post(corporation, "/api/v1/tenancies/" + tenancyId + "/flip",
                "{\"on\":\"%s\",\"grounds\":\"rent paid, support accepted\"}".formatted(today.minusDays(1)));

        post(municipality, "/api/v1/care-indications/" + indicationId + "/end", """
                {"reason":"CAN_LIVE_INDEPENDENTLY","endedOn":"%s","grounds":"doing well"}""".formatted(today.minusWeeks(5)));
        awaitEvent(indicationId, "WaakvlamContactMissedEvent");
        awaitEvent(tenancyId, "SignalRaisedEvent"); // the missed contact, raised on the tenancy by the journey process
        post(municipality, "/api/v1/care-indications/" + indicationId + "/waakvlam-end", """
                {"reason":"ENDED_BY_AGREEMENT","endedOn":"%s","grounds":"client asked to stop"}""".formatted(today));

        assertThat(eventTypes(clientId)).containsExactly("ClientRegisteredEvent", "OutflowTrajectoryStartedEvent",
                "ArrangementChecklistUpdatedEvent", "HousingRequestedEvent", "OutflowRecordedEvent", "MonitoringReviewDueEvent",
                "MonitoringReviewRecordedEvent");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventTypes(tenancyId)).containsExactly(
                "DwellingOfferedEvent", "OfferAcceptedEvent", "TenancyStartedEvent", "MovedInEvent", "FlipTermReachedEvent",
                "SignalRaisedEvent", "SignalAcknowledgedEvent", "SignalDiscussedWithClientEvent", "SignalResolvedEvent",
                "FlipApprovedEvent", "FlipApprovedEvent", "FlipApprovedEvent", "ContractFlippedEvent", "SignalRaisedEvent"));
        assertThat(eventTypes(indicationId)).containsExactly("IndicationGrantedEvent", "IndicationEndedEvent",
                "WaakvlamStartedEvent", "WaakvlamContactMissedEvent", "WaakvlamEndedEvent");

        String flipped = new String(jdbc.queryForObject("""
                SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type LIKE '%ContractFlippedEvent'""", byte[].class, tenancyId), StandardCharsets.UTF_8);
        JsonNode flip = json.readTree(flipped);
        assertThat(flip.get("leaseHolder").asText()).isEqualTo("CLIENT");
        assertThat(flip.get("previousLeaseHolder").asText()).isEqualTo("CARE_PROVIDER");
        assertThat(flip.get("indefinite").asBoolean()).isTrue();
        assertThat(flip.get("agreementVersion").asInt()).isEqualTo(1);
        assertThat(flip.get("grounds").asText()).as("free text is stored sealed with the client's key")
                .startsWith("pd1:" + clientId + ":").doesNotContain("rent paid");
        assertThat(cipher.open(flip.get("grounds").asText())).isEqualTo("rent paid, support accepted");
        JsonNode flipMetadata = json.readTree(new String(jdbc.queryForObject("""
                SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type LIKE '%ContractFlippedEvent'""", byte[].class, tenancyId), StandardCharsets.UTF_8));
        assertThat(flipMetadata.get("actorOrganisation").asText()).isEqualTo(CORPORATION);
        assertThat(flipMetadata.get("actorOrganisationType").asText()).isEqualTo("HOUSING_CORPORATION");
        // Rule 9: events the journey process causes carry the actor of the event that caused them.
        JsonNode outflowMetadata = json.readTree(new String(jdbc.queryForObject("""
                SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type LIKE '%OutflowRecordedEvent'""", byte[].class, clientId), StandardCharsets.UTF_8));
        assertThat(outflowMetadata.get("actorOrganisation").asText()).isEqualTo(CORPORATION);
        assertThat(outflowMetadata.get("traceparent").asText()).isNotBlank();
    }

    @Test
    void a_rule_violation_is_a_422_naming_the_rule_and_appends_nothing() throws Exception {
        String clientId = post(municipality, "/api/v1/clients", """
                {"setting":"SHELTER","facility":"MO","region":"%s","municipality":"Almelo",
                 "careProvider":"%s","registeredOn":"%s"}""".formatted(region, PROVIDER, today)).get("clientId").asText();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(municipality);
        ResponseEntity<String> response = http.exchange("/api/v1/clients/" + clientId + "/housing-requests", HttpMethod.POST,
                new HttpEntity<>("{\"corporation\":\"%s\",\"requestedOn\":\"%s\"}".formatted(CORPORATION, today), headers),
                String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("rule").asText()).isEqualTo("HOUSING_REQUEST_NEEDS_OPEN_TRAJECTORY");
        assertThat(eventTypes(clientId)).containsExactly("ClientRegisteredEvent");
    }

    @Test
    void another_organisations_client_does_not_exist_for_a_caseworker() throws Exception {
        String clientId = post(municipality, "/api/v1/clients", """
                {"setting":"SHELTER","facility":"MO","region":"%s","municipality":"Almelo",
                 "careProvider":"%s","registeredOn":"%s"}""".formatted(region, PROVIDER, today)).get("clientId").asText();
        post(municipality, "/api/v1/clients/" + clientId + "/outflow-trajectory", "{\"startedOn\":\"%s\"}".formatted(today));
        post(careProvider, "/api/v1/clients/" + clientId + "/arrangement-checklist", """
                {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                 "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"%s"}""".formatted(today));
        String offer = """
                {"clientId":"%s","careProvider":"%s","leaseForm":"CLIENT_LEASE","fromQuota":false,"offeredOn":"%s",
                 "dwelling":{"address":"Kerkstraat 2","municipality":"Almelo","neighbourhood":"Noord"}}"""
                .formatted(clientId, PROVIDER, today);
        // Not asked yet: to the corporation the client does not exist, and creating a tenancy is no way in.
        assertThat(status(corporation, "/api/v1/tenancies", offer)).isEqualTo(404);
        post(municipality, "/api/v1/clients/" + clientId + "/housing-requests",
                "{\"corporation\":\"%s\",\"requestedOn\":\"%s\"}".formatted(CORPORATION, today));
        String tenancyId = post(corporation, "/api/v1/tenancies", offer).get("tenancyId").asText();
        long clientEvents = eventTypes(clientId).size();
        long tenancyEvents = eventTypes(tenancyId).size();
        long allEvents = eventsAbout(clientId);

        String otherMunicipality = TestTokens.token("00000001009999999000", "MUNICIPALITY", "CASEWORKER");
        String otherProvider = TestTokens.token("99999999", "CARE_PROVIDER", "CASEWORKER");
        String otherCorporation = TestTokens.token("88888888", "HOUSING_CORPORATION", "CASEWORKER");
        // Creates are checked like every other command: 404, and nothing is appended anywhere.
        assertThat(status(otherCorporation, "/api/v1/tenancies", offer)).isEqualTo(404);
        assertThat(status(otherMunicipality, "/api/v1/care-indications", """
                {"clientId":"%s","type":"AMBULATORY_SUPPORT","hoursPerWeek":6,"provider":"99999999","region":"%s",
                 "validFrom":"%s","validUntil":"%s"}""".formatted(clientId, region, today, today.plusYears(1)))).isEqualTo(404);
        assertThat(status(otherProvider, "/api/v1/tenancies/" + tenancyId + "/signals", """
                {"kind":"NUISANCE","severity":"LOW","description":"noise","raisedOn":"%s"}""".formatted(today))).isEqualTo(404);
        assertThat(eventsAbout(clientId)).isEqualTo(allEvents);
        assertThat(status(otherMunicipality, "/api/v1/clients/" + clientId + "/trajectory-closure",
                "{\"reason\":\"WITHDRAWN\",\"closedOn\":\"%s\"}".formatted(today))).isEqualTo(404);
        assertThat(status(otherProvider, "/api/v1/clients/" + clientId + "/housing-wishes",
                "{\"wishes\":\"near family\",\"recordedOn\":\"%s\"}".formatted(today))).isEqualTo(404);
        assertThat(status(otherCorporation, "/api/v1/tenancies/" + tenancyId + "/acceptance",
                "{\"on\":\"%s\"}".formatted(today))).isEqualTo(404);
        assertThat(status(otherMunicipality, "/api/v1/tenancies/" + tenancyId + "/acceptance",
                "{\"on\":\"%s\"}".formatted(today))).isEqualTo(404);
        assertThat(eventTypes(clientId)).hasSize((int) clientEvents);
        assertThat(eventTypes(tenancyId)).hasSize((int) tenancyEvents);

        assertThat(status(municipality, "/api/v1/tenancies/" + tenancyId + "/acceptance",
                "{\"on\":\"%s\"}".formatted(today))).isEqualTo(204);

        // A neighbourhood team acts only once it holds procesregie for the client.
        String team = TestTokens.token("00000001005555555000", "NEIGHBOURHOOD_TEAM", "CASEWORKER");
        String wishes = "{\"wishes\":\"near family\",\"recordedOn\":\"%s\"}".formatted(today);
        assertThat(status(team, "/api/v1/clients/" + clientId + "/housing-wishes", wishes)).isEqualTo(404);
        assertThat(status(municipality, "/api/v1/clients/" + clientId + "/case-coordination",
                "{\"organisation\":\"00000001005555555000\",\"organisationType\":\"NEIGHBOURHOOD_TEAM\",\"assignedOn\":\"%s\"}"
                        .formatted(today))).isEqualTo(204);
        assertThat(status(team, "/api/v1/clients/" + clientId + "/housing-wishes", wishes)).isEqualTo(204);
    }

    private int status(String token, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class).getStatusCode().value();
    }

    @Test
    void an_unknown_aggregate_is_a_404() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(municipality);
        ResponseEntity<String> response = http.exchange("/api/v1/clients/" + UUID.randomUUID() + "/outflow-trajectory",
                HttpMethod.POST, new HttpEntity<>("{\"startedOn\":\"2026-01-01\"}", headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }
}
