package nl.weerthuis.query.clientfile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.*;
import nl.weerthuis.query.support.EventStoreFixture;
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
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each involved organisation sees what its role needs; a corporation never sees what the care is. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class ClientFileTest {

    static final String MUNICIPALITY = TestTokens.MUNICIPALITY, CORPORATION = "12345678", PROVIDER = "87654321";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate readStore;

    private final String client = UUID.randomUUID().toString();
    private final String tenancy = UUID.randomUUID().toString();
    private long consentSequence = 1;

    @BeforeEach
    void aClientWithCareATenancyAndSignals() {
        MetaData municipality = MetaData.with("actorOrganisation", MUNICIPALITY);
        events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.PROTECTED_HOUSING, "RIBW", "Twente",
                "Almelo", PROVIDER, LocalDate.of(2025, 1, 6), null), municipality);
        String indication = UUID.randomUUID().toString();
        events.append("CareIndication", indication, 0, new IndicationGrantedEvent(indication, client,
                IndicationType.AMBULATORY_SUPPORT, 6.5, PROVIDER, "Twente", LocalDate.of(2025, 1, 1), LocalDate.now().plusYears(1)),
                municipality);
        Dwelling dwelling = new Dwelling("Hoofdstraat 1", "Almelo", "Centrum");
        events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, CORPORATION, PROVIDER, LeaseForm.TRIPARTITE,
                dwelling, "Twente", true, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1), "a", 1, Period.ofMonths(6)));
        events.append("Tenancy", tenancy, 1, new TenancyStartedEvent(tenancy, client, LeaseForm.TRIPARTITE, CORPORATION,
                LeaseHolder.CARE_PROVIDER, PROVIDER, dwelling, "Twente", LocalDate.of(2025, 4, 1)));
        events.append("Tenancy", tenancy, 2, new SignalRaisedEvent(tenancy, client, "s1", SignalKind.CONFUSED_BEHAVIOUR, PROVIDER,
                OrganisationType.CARE_PROVIDER, Severity.HIGH, "psychotic episode, medication changed", LocalDate.of(2025, 5, 1)));
        events.append("Tenancy", tenancy, 3, new SignalRaisedEvent(tenancy, client, "s2", SignalKind.NUISANCE, CORPORATION,
                OrganisationType.HOUSING_CORPORATION, Severity.LOW, "noise complaints from neighbours", LocalDate.of(2025, 5, 2)));
        await().atMost(Duration.ofSeconds(10)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM file_signal WHERE tenancy_id = ?", Long.class, tenancy) == 2
                && readStore.queryForObject("SELECT count(*) FROM file_indication WHERE client_id = ?", Long.class, client) == 1
                && readStore.queryForObject("SELECT count(DISTINCT organisation) FROM file_involvement WHERE client_id = ?",
                        Long.class, client) == 3);
    }

    private ResponseEntity<String> read(String org, String type, String role, String activity) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token(org, type, role));
        if (activity != null) {
            headers.set("X-Processing-Activity", activity);
        }
        return http.exchange("/api/v1/clients/" + client + "/file", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String corporationView() {
        ResponseEntity<String> response = read(CORPORATION, "HOUSING_CORPORATION", "CASEWORKER", "journey-coordination");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private void consent(boolean given) {
        Object event = given ? new ConsentGivenEvent(client, CORPORATION, ClientFile.CORPORATION_CARE_PURPOSE, LocalDate.now())
                : new ConsentWithdrawnEvent(client, CORPORATION, ClientFile.CORPORATION_CARE_PURPOSE, LocalDate.now());
        events.append("Client", client, consentSequence++, event);
        await().atMost(Duration.ofSeconds(10)).until(() -> (readStore.queryForObject(
                "SELECT count(*) FROM file_consent WHERE client_id = ?", Long.class, client) == 1) == given);
    }

    @Test
    void a_corporation_never_receives_indication_details_nor_what_care_providers_wrote() throws Exception {
        for (boolean consented : new boolean[]{false, true}) {
            if (consented) {
                consent(true);
            }
            String body = corporationView();
            assertThat(body).doesNotContain("AMBULATORY_SUPPORT", "hoursPerWeek", "6.5", "psychotic", "medication",
                    "indications", "type", "CONFUSED_BEHAVIOUR", "HIGH");
            assertThat(body).contains("noise complaints from neighbours", "NUISANCE");
        }
    }

    @Test
    void with_consent_a_corporation_learns_that_support_is_active_by_whom_and_until_when_and_no_longer_once_withdrawn()
            throws Exception {
        assertThat(json.readTree(corporationView()).get("care").get("shared").asBoolean()).isFalse();
        consent(true);
        JsonNode care = json.readTree(corporationView()).get("care");
        assertThat(care.get("shared").asBoolean()).isTrue();
        assertThat(care.get("supportActive").asBoolean()).isTrue();
        assertThat(care.get("provider").asText()).isEqualTo(PROVIDER);
        assertThat(care.get("contactPoint").asText()).isEqualTo(PROVIDER);
        assertThat(care.get("endDate").asText()).isEqualTo(LocalDate.now().plusYears(1).toString());
        consent(false);
        JsonNode withdrawn = json.readTree(corporationView()).get("care");
        assertThat(withdrawn.get("shared").asBoolean()).isFalse();
        assertThat(withdrawn.has("supportActive")).isFalse();
    }

    @Test
    void a_corporation_sees_its_own_tenancies_only_and_of_a_signal_another_corporation_raised_only_that_there_is_one()
            throws Exception {
        String other = UUID.randomUUID().toString(), otherCorporation = "12345679";
        Dwelling dwelling = new Dwelling("Kerkstraat 9", "Almelo", "Noord");
        events.append("Tenancy", other, 0, new DwellingOfferedEvent(other, client, otherCorporation, PROVIDER,
                LeaseForm.CLIENT_LEASE, dwelling, "Twente", false, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1), "a", 1, java.time.Period.ofMonths(6)));
        events.append("Tenancy", other, 1, new OfferRefusedEvent(other, client, LocalDate.of(2025, 3, 5), "too far"));
        // A corporation's signal is its own, not every corporation's: the other one raised this on our tenancy.
        events.append("Tenancy", tenancy, 4, new SignalRaisedEvent(tenancy, client, "s3", SignalKind.RENT_ARREARS,
                otherCorporation, OrganisationType.HOUSING_CORPORATION, Severity.MEDIUM, "arrears at our place too",
                LocalDate.of(2025, 5, 3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM file_signal WHERE tenancy_id = ?", Long.class, tenancy) == 3
                && readStore.queryForObject("SELECT count(*) FROM file_tenancy WHERE tenancy_id = ? AND refused_on IS NOT NULL",
                        Long.class, other) == 1);
        JsonNode file = json.readTree(corporationView());
        assertThat(file.get("tenancies")).hasSize(1);
        assertThat(file.get("tenancies").get(0).get("tenancyId").asText()).isEqualTo(tenancy);
        assertThat(file.toString()).doesNotContain(other, "Kerkstraat", "RENT_ARREARS", "arrears at our place", "MEDIUM",
                "CONFUSED_BEHAVIOUR", otherCorporation);
        JsonNode signals = file.get("tenancies").get(0).get("signals");
        assertThat(signals).hasSize(3);
        assertThat(signals.get(0).get("signalId").asText()).isEqualTo("s1");
        assertThat(signals.get(0).get("raisedBy").asText()).isEqualTo("another organisation");
        assertThat(signals.get(0).has("kind")).isFalse();
        assertThat(signals.get(1).get("kind").asText()).isEqualTo("NUISANCE");
        assertThat(signals.get(2).has("kind")).isFalse();
        // The municipality sees both tenancies; the refused offer shows as refused, not as open.
        JsonNode whole = json.readTree(read(MUNICIPALITY, "MUNICIPALITY", "CASEWORKER", "journey-coordination").getBody());
        assertThat(whole.get("tenancies")).hasSize(2);
        JsonNode refused = java.util.stream.StreamSupport.stream(whole.get("tenancies").spliterator(), false)
                .filter(t -> t.get("tenancyId").asText().equals(other)).findFirst().orElseThrow();
        assertThat(refused.get("refusedOn").asText()).isEqualTo("2025-03-05");
    }

    @Test
    void the_care_provider_sees_the_indication_and_every_signal() throws Exception {
        JsonNode file = json.readTree(read(PROVIDER, "CARE_PROVIDER", "CASEWORKER", "journey-coordination").getBody());
        JsonNode indication = file.get("care").get("indications").get(0);
        assertThat(indication.get("type").asText()).isEqualTo("AMBULATORY_SUPPORT");
        assertThat(indication.get("hoursPerWeek").asDouble()).isEqualTo(6.5);
        assertThat(file.toString()).contains("psychotic episode", "noise complaints");
    }

    @Test
    void another_organisation_gets_404_a_read_without_purpose_400_and_other_roles_403() {
        assertThat(read("99999999", "HOUSING_CORPORATION", "CASEWORKER", "journey-coordination").getStatusCode().value()).isEqualTo(404);
        assertThat(read("00000001009999999000", "MUNICIPALITY", "CASEWORKER", "journey-coordination").getStatusCode().value()).isEqualTo(404);
        assertThat(read(CORPORATION, "HOUSING_CORPORATION", "CASEWORKER", null).getStatusCode().value()).isEqualTo(400);
        assertThat(read(CORPORATION, "HOUSING_CORPORATION", "CASEWORKER", "sharing-with-anyone").getStatusCode().value()).isEqualTo(400);
        for (String role : new String[]{"MONITOR", "AUDITOR", "PARTNER_SYSTEM", "CLIENT", "ADMIN"}) {
            assertThat(read(CORPORATION, "HOUSING_CORPORATION", role, "journey-coordination").getStatusCode().value())
                    .as(role).isEqualTo(403);
        }
    }

    @Test
    void the_client_reads_their_own_agreements_and_consents_and_no_one_elses() throws Exception {
        events.append("Tenancy", tenancy, 4, new TenancyAgreementsRecordedEvent(tenancy, client,
                "pay the rent, open the door for support, no nuisance", LocalDate.of(2025, 4, 1)));
        consent(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM file_agreement WHERE client_id = ?", Long.class, client) == 1);
        HttpHeaders own = new HttpHeaders();
        own.setBearerAuth(TestTokens.clientToken(client));
        JsonNode body = json.readTree(http.exchange("/api/v1/clients/" + client + "/agreements", HttpMethod.GET,
                new HttpEntity<>(own), String.class).getBody());
        assertThat(body.get("agreements").get(0).get("agreements").asText()).startsWith("pay the rent");
        assertThat(body.get("consents").get(0).get("organisation").asText()).isEqualTo(CORPORATION);

        HttpHeaders other = new HttpHeaders();
        other.setBearerAuth(TestTokens.clientToken(UUID.randomUUID().toString()));
        assertThat(http.exchange("/api/v1/clients/" + client + "/agreements", HttpMethod.GET, new HttpEntity<>(other),
                String.class).getStatusCode().value()).isEqualTo(404);
        HttpHeaders caseworker = new HttpHeaders();
        caseworker.setBearerAuth(TestTokens.token(CORPORATION, "HOUSING_CORPORATION", "CASEWORKER"));
        assertThat(http.exchange("/api/v1/clients/" + client + "/agreements", HttpMethod.GET, new HttpEntity<>(caseworker),
                String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void every_read_leaves_exactly_one_processing_log_record_and_refused_reads_none() {
        long before = readStore.queryForObject("SELECT count(*) FROM processing_log WHERE activity_id = 'journey-coordination' "
                + "AND organisation = ?", Long.class, PROVIDER);
        read(PROVIDER, "CARE_PROVIDER", "CASEWORKER", "journey-coordination");
        read("99999999", "HOUSING_CORPORATION", "CASEWORKER", "journey-coordination");
        read(PROVIDER, "CARE_PROVIDER", "CASEWORKER", null);
        long after = readStore.queryForObject("SELECT count(*) FROM processing_log WHERE activity_id = 'journey-coordination' "
                + "AND organisation = ?", Long.class, PROVIDER);
        assertThat(after - before).isEqualTo(1);
        assertThat(readStore.queryForObject("SELECT count(*) FROM processing_log WHERE organisation = '99999999'", Long.class)).isZero();
    }
}
