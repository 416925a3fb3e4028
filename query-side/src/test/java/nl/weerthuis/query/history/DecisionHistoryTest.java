package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.tenancy.*;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.query.support.TestOrganisationNames;
import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.PolicyAmendedEvent;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
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
import java.time.Instant;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationScaledEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.careindication.ScaleDirection;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An auditor replays why a lease was flipped, and what the system knew before it was. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EventStoreFixture.class, TestOrganisationNames.class})
class DecisionHistoryTest {

    static final String CORPORATION = "12345678";
    static final String PROVIDER = "87654321";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate readStore;
    @Autowired
    ObjectMapper json;

    private final String clientId = UUID.randomUUID().toString();
    private final String tenancyId = UUID.randomUUID().toString();
    private Instant beforeFlip;

    private static MetaData actor(String org, String type, String person) {
        return MetaData.with("actorOrganisation", org).and("actorOrganisationType", type).and("actorPerson", person)
                .and("actorRoles", "CASEWORKER");
    }

    @BeforeEach
    void journeyUpToAndIncludingTheFlip() throws Exception {
        MetaData municipality = actor(TestTokens.MUNICIPALITY, "MUNICIPALITY", "intake-1");
        MetaData corporation = actor(CORPORATION, "HOUSING_CORPORATION", "verhuur-7");
        Dwelling dwelling = new Dwelling("Hoofdstraat 1", "Almelo", "Centrum");
        if (readStore.queryForObject("SELECT count(*) FROM history_agreement_version WHERE agreement_id = 'agreement-twente'",
                Long.class) == 0) {
            events.append("RegionalAgreement", "agreement-twente", 0, new AgreementAdoptedEvent("agreement-twente", "Twente",
                    "Convenant Uitstroom Twente", 1, LocalDate.of(2023, 1, 1), AgreementPolicy.NATIONAL_DEFAULT), municipality);
            await().atMost(Duration.ofSeconds(10)).until(() -> readStore.queryForObject(
                    "SELECT count(*) FROM history_agreement_version WHERE agreement_id = 'agreement-twente'", Long.class) == 1);
        }
        events.append("Client", clientId, 0, new ClientRegisteredEvent(clientId, CareSetting.PROTECTED_HOUSING, "RIBW",
                "Twente", "Almelo", PROVIDER, LocalDate.of(2024, 1, 8), null), municipality);
        events.append("Client", clientId, 1, new OutflowTrajectoryStartedEvent(clientId, CareSetting.PROTECTED_HOUSING,
                "Twente", "Almelo", LocalDate.of(2024, 2, 1)), municipality);
        events.append("Tenancy", tenancyId, 0, new DwellingOfferedEvent(tenancyId, clientId, CORPORATION, PROVIDER,
                LeaseForm.TRIPARTITE, dwelling, "Twente", true, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 2, 1),
                "agreement-twente", 1, Period.ofMonths(6)), corporation);
        events.append("Tenancy", tenancyId, 1, new OfferAcceptedEvent(tenancyId, clientId, LocalDate.of(2024, 4, 3)), municipality);
        events.append("Tenancy", tenancyId, 2, new TenancyStartedEvent(tenancyId, clientId, LeaseForm.TRIPARTITE,
                CORPORATION, LeaseHolder.CARE_PROVIDER, PROVIDER, dwelling, "Twente", LocalDate.of(2024, 5, 1)), corporation);
        events.append("Tenancy", tenancyId, 3, new MovedInEvent(tenancyId, clientId, LocalDate.of(2024, 5, 15),
                LeaseForm.TRIPARTITE, CORPORATION, PROVIDER, "Twente", "Almelo", "Centrum", "agreement-twente", 1, Period.ofMonths(12), Period.ofMonths(24)), corporation);
        Thread.sleep(20);
        beforeFlip = Instant.now();
        Thread.sleep(20);
        events.append("Tenancy", tenancyId, 4, new ContractFlippedEvent(tenancyId, clientId, LocalDate.of(2025, 6, 1),
                LeaseHolder.CARE_PROVIDER, LeaseHolder.CLIENT, true, CORPORATION, PROVIDER, "Twente", "agreement-twente", 1,
                "rent paid for a year, support accepted, no nuisance"), corporation);
        await().atMost(Duration.ofSeconds(10)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM history_subject WHERE client_id = ?", Long.class, clientId) == 2);
    }

    /** As an inspectorate must, every read names its processing activity (others may; it changes nothing for them). */
    private ResponseEntity<String> get(String path, String token) {
        return get(path, token, "audit-decision-history");
    }

    private ResponseEntity<String> get(String path, String token, String activity) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (activity != null) {
            headers.set("X-Processing-Activity", activity);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private JsonNode tenancyState(JsonNode history) {
        for (JsonNode state : history.get("stateAsOf")) {
            if (state.get("aggregateType").asText().equals("Tenancy")) {
                return state;
            }
        }
        throw new AssertionError("no tenancy state in " + history);
    }

    /** A readable fact of a state, by its label. */
    static String fact(JsonNode state, String label) {
        for (JsonNode fact : state.get("facts")) {
            if (fact.get("label").asText().equals(label)) {
                return fact.get("value").asText();
            }
        }
        return null;
    }

    @Test
    void before_the_flip_the_care_provider_holds_the_lease_after_it_the_client() throws Exception {
        String auditor = TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");

        JsonNode then = json.readTree(get("/api/v1/clients/" + clientId + "/history?asOf=" + beforeFlip, auditor).getBody());
        assertThat(fact(tenancyState(then), "Lease holder")).isEqualTo("the care provider, RIBW Twente (" + PROVIDER + ")");
        assertThat(fact(tenancyState(then), "Lease")).isNull();
        assertThat(then.get("entries")).hasSize(6);

        JsonNode now = json.readTree(get("/api/v1/clients/" + clientId + "/history", auditor).getBody());
        assertThat(fact(tenancyState(now), "Lease holder")).isEqualTo("the client");
        assertThat(fact(tenancyState(now), "Lease")).isEqualTo("indefinite, in the client's own name");
        JsonNode flip = now.get("entries").get(6);
        assertThat(flip.get("eventType").asText()).isEqualTo("ContractFlippedEvent");
        assertThat(flip.get("businessDate").asText()).isEqualTo("2025-06-01");
        assertThat(flip.get("grounds").asText()).isEqualTo("rent paid for a year, support accepted, no nuisance");
        assertThat(flip.get("description").asText()).startsWith("The lease flipped (omklap)")
                .contains("Woonstichting De Hoven (" + CORPORATION + ")");
        assertThat(flip.get("actor").get("organisation").asText()).isEqualTo(CORPORATION);
        assertThat(flip.get("actor").get("organisationName").asText()).isEqualTo("Woonstichting De Hoven (" + CORPORATION + ")");
        assertThat(flip.get("actor").get("description").asText())
                .isEqualTo("Woonstichting De Hoven (" + CORPORATION + "), housing corporation, as caseworker (verhuur-7)");
        assertThat(flip.get("actor").get("person").asText()).isEqualTo("verhuur-7");
        assertThat(flip.get("agreement").get("agreementId").asText()).isEqualTo("agreement-twente");
        assertThat(flip.get("agreement").get("name").asText()).isEqualTo("Convenant Uitstroom Twente");
        assertThat(flip.get("agreement").get("version").asInt()).isEqualTo(1);
        assertThat(flip.get("rule").get("label").asText()).isEqualTo("Flip term");
        assertThat(flip.get("rule").get("value").asText()).contains("at least 12 months and at most 36 months");
        assertThat(now.get("entries").get(0).get("actor").get("organisationType").asText()).isEqualTo("MUNICIPALITY");
    }

    @Test
    void the_history_is_paged_by_global_index_in_the_query() throws Exception {
        String auditor = TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
        JsonNode whole = json.readTree(get("/api/v1/clients/" + clientId + "/history", auditor).getBody());
        JsonNode first = json.readTree(get("/api/v1/clients/" + clientId + "/history?limit=4", auditor).getBody());
        assertThat(first.get("entries")).hasSize(4);
        long next = first.get("page").get("nextAfter").asLong();
        assertThat(next).isEqualTo(whole.get("entries").get(3).get("globalIndex").asLong());
        JsonNode second = json.readTree(get("/api/v1/clients/" + clientId + "/history?limit=4&after=" + next, auditor).getBody());
        assertThat(second.get("entries")).hasSize(3);
        assertThat(second.get("page").get("nextAfter").isNull()).isTrue();
        assertThat(second.get("entries").get(0).get("globalIndex").asLong())
                .isEqualTo(whole.get("entries").get(4).get("globalIndex").asLong());
        // Every page shows the state as of the instant, folded from all events up to it, not only the page's.
        assertThat(second.get("stateAsOf")).isEqualTo(whole.get("stateAsOf"));
        assertThat(first.get("stateAsOf")).isEqualTo(whole.get("stateAsOf"));

        ResponseEntity<String> bad = get("/api/v1/clients/" + clientId + "/history?limit=0&after=-1", auditor);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(bad.getBody()).get("invalidParams")).hasSize(2);
        assertThat(get("/api/v1/clients/" + clientId + "/history?limit=many", auditor).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void every_read_of_a_history_leaves_exactly_one_processing_log_record_with_its_trace() {
        String auditor = TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(auditor);
        headers.set("X-Processing-Activity", "audit-decision-history");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        headers.set("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        ResponseEntity<String> response = http.exchange("/api/v1/clients/" + clientId + "/history", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);

        var records = readStore.queryForList("SELECT * FROM processing_log WHERE trace_id = ?",
                traceId);
        assertThat(records).hasSize(1);
        Map<String, Object> record = records.get(0);
        assertThat(record.get("activity_id")).isEqualTo("audit-decision-history");
        assertThat(record.get("parent_span_id").toString().trim()).isEqualTo("00f067aa0ba902b7");
        assertThat(record.get("organisation")).isEqualTo("00000001009876543000");
        assertThat(record.get("data_subject").toString()).hasSize(64).isNotEqualTo(clientId);
        assertThat(response.getHeaders().getFirst("traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void an_inspectorate_names_the_processing_activity_of_every_read_and_it_is_logged_as_named() {
        String inspectorate = TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
        long logged = readStore.queryForObject("SELECT count(*) FROM processing_log", Long.class);
        assertThat(get("/api/v1/clients/" + clientId + "/history", inspectorate, null).getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/clients/" + clientId + "/history", inspectorate, "curiosity").getStatusCode().value())
                .isEqualTo(400);
        assertThat(get("/api/v1/clients/" + clientId + "/disclosures", inspectorate, null).getStatusCode().value())
                .isEqualTo(400);
        assertThat(readStore.queryForObject("SELECT count(*) FROM processing_log", Long.class)).isEqualTo(logged);
        assertThat(get("/api/v1/clients/" + clientId + "/history", inspectorate, "supervision-inspection")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(readStore.queryForList("SELECT activity_id FROM processing_log ORDER BY id DESC LIMIT 1", String.class))
                .containsExactly("supervision-inspection");
    }

    @Test
    void an_auditor_of_an_organisation_never_involved_finds_no_such_client() {
        long logged = readStore.queryForObject("SELECT count(*) FROM processing_log", Long.class);
        for (String[] outsider : new String[][]{{"00000001001111111000", "MUNICIPALITY"}, {"11112222", "HOUSING_CORPORATION"},
                {"33334444", "CARE_PROVIDER"}, {"00000001005555555000", "NEIGHBOURHOOD_TEAM"}}) {
            String auditor = TestTokens.token(outsider[0], outsider[1], "AUDITOR");
            assertThat(get("/api/v1/clients/" + clientId + "/history", auditor).getStatusCode().value())
                    .as(outsider[1]).isEqualTo(404);
            assertThat(get("/api/v1/clients/" + clientId + "/disclosures", auditor).getStatusCode().value())
                    .as(outsider[1]).isEqualTo(404);
        }
        assertThat(readStore.queryForObject("SELECT count(*) FROM processing_log", Long.class)).isEqualTo(logged);
    }

    @Test
    void the_involved_corporations_auditor_reads_a_history_minimised_like_the_client_file() throws Exception {
        String indication = UUID.randomUUID().toString();
        events.append("CareIndication", indication, 0, new IndicationGrantedEvent(indication, clientId,
                IndicationType.PROTECTED_LIVING_AT_HOME, 12, PROVIDER, "Twente", LocalDate.of(2024, 5, 1),
                LocalDate.of(2026, 5, 1)), actor(TestTokens.MUNICIPALITY, "MUNICIPALITY", "wmo-1"));
        events.append("CareIndication", indication, 1, new IndicationScaledEvent(indication, clientId, ScaleDirection.DOWN,
                12, 6, LocalDate.of(2024, 9, 1), "psychosis under control"), actor(TestTokens.MUNICIPALITY, "MUNICIPALITY", "wmo-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM history_subject WHERE client_id = ?", Long.class, clientId) == 3);
        String corporationAuditor = TestTokens.token(CORPORATION, "HOUSING_CORPORATION", "AUDITOR");

        ResponseEntity<String> read = get("/api/v1/clients/" + clientId + "/history", corporationAuditor);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        String body = read.getBody();
        assertThat(body).contains("ContractFlippedEvent").contains("rent paid for a year") // its own grounds
                .doesNotContain("PROTECTED_LIVING_AT_HOME").doesNotContain("protected living at home")
                .doesNotContain("per week").doesNotContain("12 hours").doesNotContain("psychosis")
                .doesNotContain("IndicationScaledEvent").doesNotContain("IndicationGrantedEvent");

        String providerAuditor = TestTokens.token(PROVIDER, "CARE_PROVIDER", "AUDITOR");
        assertThat(get("/api/v1/clients/" + clientId + "/history", providerAuditor).getBody())
                .contains("protected living at home").contains("12 hours")
                .contains("psychosis under control");

        // With the client's consent for "goed huurderschap": that support runs, by whom and until when; still not what.
        events.append("Client", clientId, 2, new ConsentGivenEvent(clientId, CORPORATION, "goed-huurderschap",
                LocalDate.of(2024, 9, 2)), actor(TestTokens.MUNICIPALITY, "MUNICIPALITY", "intake-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/clients/" + clientId + "/history",
                corporationAuditor).getBody().contains("IndicationGrantedEvent"));
        assertThat(get("/api/v1/clients/" + clientId + "/history", corporationAuditor).getBody())
                .contains("Support by RIBW Twente (" + PROVIDER + ") runs from 2024-05-01 until 2026-05-01")
                .contains("{\"label\":\"Provider\",\"value\":\"RIBW Twente (" + PROVIDER + ")\"}")
                .doesNotContain("PROTECTED_LIVING_AT_HOME").doesNotContain("protected living at home")
                .doesNotContain("per week").doesNotContain("12 hours").doesNotContain("6 hours")
                .doesNotContain("psychosis").doesNotContain("IndicationScaledEvent");
    }

    @Test
    void a_formerly_involved_auditor_reads_the_history_as_it_stood_when_its_involvement_ended() throws Exception {
        events.append("Tenancy", tenancyId, 5, new TenancyEndedEvent(tenancyId, clientId, TenancyEndReason.MOVED,
                LocalDate.of(2025, 9, 1), CORPORATION, PROVIDER, "Twente", "moved to another city"),
                actor(CORPORATION, "HOUSING_CORPORATION", "verhuur-7"));
        Thread.sleep(20);
        events.append("Client", clientId, 2, new OutflowTrajectoryStartedEvent(clientId, CareSetting.SHELTER,
                "Twente", "Almelo", LocalDate.of(2025, 10, 1)), actor(TestTokens.MUNICIPALITY, "MUNICIPALITY", "intake-1"));
        String corporationAuditor = TestTokens.token(CORPORATION, "HOUSING_CORPORATION", "AUDITOR");
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/clients/" + clientId + "/history",
                TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR")).getBody().split("OutflowTrajectoryStartedEvent").length == 3);

        String seen = get("/api/v1/clients/" + clientId + "/history", corporationAuditor).getBody();
        assertThat(seen).contains("TenancyEndedEvent");
        assertThat(seen.split("OutflowTrajectoryStartedEvent")).as("the second trajectory, after its end, is not shown")
                .hasSize(2);
    }

    @Test
    void a_client_reads_their_own_history_and_no_one_elses() {
        assertThat(get("/api/v1/clients/" + clientId + "/history",
                TestTokens.clientToken(clientId)).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/v1/clients/" + clientId + "/history",
                TestTokens.clientToken(UUID.randomUUID().toString())).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void caseworkers_monitors_partners_and_admins_cannot_read_histories() {
        long logged = readStore.queryForObject("SELECT count(*) FROM processing_log", Long.class);
        for (String role : new String[]{"CASEWORKER", "MONITOR", "PARTNER_SYSTEM", "ADMIN"}) {
            assertThat(get("/api/v1/clients/" + clientId + "/history", TestTokens.token(CORPORATION, "HOUSING_CORPORATION", role))
                    .getStatusCode().value()).as(role).isEqualTo(403);
        }
        assertThat(readStore.queryForObject("SELECT count(*) FROM processing_log", Long.class)).isEqualTo(logged);
    }

    @Test
    void the_client_sees_who_read_their_history_and_their_own_reading_is_logged_too() throws Exception {
        String auditor = TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
        assertThat(get("/api/v1/clients/" + clientId + "/history", auditor).getStatusCode().value()).isEqualTo(200);

        JsonNode first = json.readTree(get("/api/v1/clients/" + clientId + "/disclosures", TestTokens.clientToken(clientId)).getBody());
        assertThat(first.get("disclosures")).hasSize(1);
        JsonNode read = first.get("disclosures").get(0);
        assertThat(read.get("activity").asText()).isEqualTo("audit-decision-history");
        assertThat(read.get("organisation").asText()).isEqualTo("00000001009876543000");
        assertThat(read.get("legalBasis").asText()).contains("AVG");

        JsonNode second = json.readTree(get("/api/v1/clients/" + clientId + "/disclosures", TestTokens.clientToken(clientId)).getBody());
        assertThat(second.get("disclosures")).hasSize(2);
        assertThat(second.get("disclosures").get(1).get("activity").asText()).isEqualTo("client-disclosures");

        assertThat(get("/api/v1/clients/" + clientId + "/disclosures", TestTokens.clientToken(UUID.randomUUID().toString()))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(get("/api/v1/clients/" + clientId + "/disclosures", TestTokens.token(CORPORATION, "HOUSING_CORPORATION", "CASEWORKER"))
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void an_entry_names_the_version_of_the_clients_regional_agreement_that_had_taken_effect_by_its_date() throws Exception {
        String region = "Salland-" + UUID.randomUUID(), agreement = "agreement-" + region, client = UUID.randomUUID().toString();
        String indication = UUID.randomUUID().toString();
        MetaData municipality = actor(TestTokens.MUNICIPALITY, "MUNICIPALITY", "intake-1");
        events.append("RegionalAgreement", agreement, 0, new AgreementAdoptedEvent(agreement, region, "Convenant Salland",
                1, LocalDate.of(2023, 1, 1), AgreementPolicy.NATIONAL_DEFAULT), municipality);
        events.append("RegionalAgreement", agreement, 1, new PolicyAmendedEvent(agreement, region, 2,
                LocalDate.of(2025, 1, 1), AgreementPolicy.NATIONAL_DEFAULT, "a second year"), municipality);
        events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, "Opvang", region,
                "Deventer", PROVIDER, LocalDate.of(2024, 1, 8), null), municipality);
        events.append("Client", client, 1, new OutflowTrajectoryStartedEvent(client, CareSetting.SHELTER, region,
                "Deventer", LocalDate.of(2025, 3, 1)), municipality);
        // An indication in another region: the history still takes the client's region's agreement.
        events.append("CareIndication", indication, 0, new IndicationGrantedEvent(indication, client,
                IndicationType.AMBULATORY_SUPPORT, 4, PROVIDER, "Twente", LocalDate.of(2025, 4, 1),
                LocalDate.of(2026, 4, 1)), municipality);
        await().atMost(Duration.ofSeconds(10)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM history_subject WHERE client_id = ?", Long.class, client) == 2
                && readStore.queryForObject("SELECT count(*) FROM history_agreement_version WHERE agreement_id = ?",
                Long.class, agreement) == 2);

        JsonNode entries = json.readTree(get("/api/v1/clients/" + client + "/history",
                TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR")).getBody()).get("entries");
        assertThat(entries).hasSize(3);
        for (int i = 0; i < 3; i++) {
            JsonNode version = entries.get(i).get("agreement");
            assertThat(version.get("agreementId").asText()).isEqualTo(agreement);
            assertThat(version.get("name").asText()).as("the name of its first version").isEqualTo("Convenant Salland");
            assertThat(version.get("version").asInt()).isEqualTo(i == 0 ? 1 : 2);
            assertThat(version.get("effectiveFrom").asText()).isEqualTo(i == 0 ? "2023-01-01" : "2025-01-01");
        }
    }

    @Test
    void an_unknown_client_is_a_404() {
        String auditor = TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
        assertThat(get("/api/v1/clients/" + UUID.randomUUID() + "/history", auditor).getStatusCode().value()).isEqualTo(404);
    }
}
