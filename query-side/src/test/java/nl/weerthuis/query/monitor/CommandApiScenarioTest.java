package nl.weerthuis.query.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.CommandSideProcess;
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
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The multi-region scenario fed through the real command API (the command side runs as its own process on the
 * shared event store), with the journey process and the persistent deadlines doing their part, and every monitor
 * figure on the query side checked against values computed by hand. Dates lie in 2023–2025, so every deadline is
 * due: the waakvlam that starts 2025-11-01 (every 4 weeks, 6 months) misses 2025-11-29 and 2025-12-27 in 2025, and
 * each missed contact becomes a signal on the tenancy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class CommandApiScenarioTest {

    static final String MUNICIPALITY = TestTokens.MUNICIPALITY;
    static final String C1 = "11111111", C2 = "22222222", P1 = "33333333", P2 = "44444444";

    @Autowired
    TestRestTemplate query;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String twente = "Twente-" + run;
    private final String drenthe = "Drenthe-" + run;
    private final String municipality = TestTokens.token(MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");
    private final String c1 = TestTokens.token(C1, "HOUSING_CORPORATION", "CASEWORKER");
    private final String c2 = TestTokens.token(C2, "HOUSING_CORPORATION", "CASEWORKER");
    private final String p1 = TestTokens.token(P1, "CARE_PROVIDER", "CASEWORKER");
    private String commandSide;

    private JsonNode post(String token, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(commandSide + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? null : json.readTree(response.body());
    }

    private String client(String region, String setting, String provider, String registered, String trajectory) throws Exception {
        String id = post(municipality, "/api/v1/clients", """
                {"setting":"%s","facility":"f","region":"%s","municipality":"Almelo","careProvider":"%s","registeredOn":"%s"}"""
                .formatted(setting, region, provider, registered)).get("clientId").asText();
        if (trajectory != null) {
            post(municipality, "/api/v1/clients/" + id + "/outflow-trajectory", "{\"startedOn\":\"" + trajectory + "\"}");
            post(municipality, "/api/v1/clients/" + id + "/arrangement-checklist", """
                    {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                     "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"%s"}""".formatted(trajectory));
        }
        return id;
    }

    private String housed(String client, String corporation, String provider, String form, boolean quota, String offered,
                          String accepted, String signed, String movedIn, String municipalityName, String neighbourhood)
            throws Exception {
        // Only a corporation the coordination point asked may offer a dwelling.
        post(municipality, "/api/v1/clients/" + client + "/housing-requests", "{\"corporation\":\"%s\",\"requestedOn\":\"%s\"}"
                .formatted(corporation.equals(c1) ? C1 : C2, offered));
        String tenancy = post(corporation, "/api/v1/tenancies", """
                {"clientId":"%s","careProvider":"%s","leaseForm":"%s","fromQuota":%s,"offeredOn":"%s",
                 "dwelling":{"address":"street 1","municipality":"%s","neighbourhood":"%s"}}"""
                .formatted(client, provider, form, quota, offered, municipalityName, neighbourhood)).get("tenancyId").asText();
        post(municipality, "/api/v1/tenancies/" + tenancy + "/acceptance", "{\"on\":\"" + accepted + "\"}");
        post(corporation, "/api/v1/tenancies/" + tenancy + "/contract", "{\"on\":\"" + signed + "\"}");
        post(corporation, "/api/v1/tenancies/" + tenancy + "/move-in", "{\"on\":\"" + movedIn + "\"}");
        return tenancy;
    }

    private String signal(String tenancy, String kind, String raised) throws Exception {
        return post(c1, "/api/v1/tenancies/" + tenancy + "/signals", """
                {"kind":"%s","severity":"MEDIUM","description":"concern","raisedOn":"%s"}""".formatted(kind, raised))
                .get("signalId").asText();
    }

    private JsonNode figures(String region) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token(MUNICIPALITY, "MUNICIPALITY", "ADMIN"));
        return json.readTree(query.exchange("/api/v1/monitor/outflow?region=" + region + "&from=2025-01-01&to=2025-12-31",
                HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody()).get("groups").get(0).get("figures");
    }

    @Test
    void the_monitor_counts_what_the_command_api_recorded() throws Exception {
        try (CommandSideProcess process = CommandSideProcess.start("weerthuis_query_command", "weerthuis_query_events")) {
            commandSide = process.baseUrl();
            String agreement = post(municipality, "/api/v1/regional-agreements", """
                    {"region":"%s","name":"Convenant","effectiveFrom":"2025-01-01","policy":{"offerDeadline":"P6M",
                     "flipMinimumTerm":"P6M","flipMaximumTerm":"P18M","reviewCadence":"P6M","reviewPeriod":"P24M",
                     "waakvlamFrequency":"P4W","waakvlamDuration":"P6M"}}""".formatted(twente)).get("agreementId").asText();
            post(municipality, "/api/v1/regional-agreements/" + agreement + "/quotas", "{\"corporation\":\"" + C1 + "\",\"year\":2025,\"dwellings\":10}");
            post(municipality, "/api/v1/regional-agreements/" + agreement + "/targets", "{\"outflows\":20,\"targetDate\":\"2026-12-31\"}");

            // T1: offered in 59 days, moved in 2025-04-10, a resolved and an open signal, flipped after 183 days,
            // indication ended 2025-11-01 because they can live independently: a waakvlam.
            String t1 = client(twente, "PROTECTED_HOUSING", P1, "2024-06-01", "2025-01-10");
            String indication = post(municipality, "/api/v1/care-indications", """
                    {"clientId":"%s","type":"AMBULATORY_SUPPORT","hoursPerWeek":6,"provider":"%s","region":"%s",
                     "validFrom":"2025-01-01","validUntil":"2026-12-31"}""".formatted(t1, P1, twente)).get("indicationId").asText();
            String t1Tenancy = housed(t1, c1, P1, "TRIPARTITE", true, "2025-03-10", "2025-03-15", "2025-04-01", "2025-04-10", "Almelo", "Centrum");
            String s2 = signal(t1Tenancy, "RENT_ARREARS", "2025-05-01");
            String s2Path = "/api/v1/tenancies/" + t1Tenancy + "/signals/" + s2;
            post(p1, s2Path + "/acknowledgement", "{\"on\":\"2025-05-02\"}");
            post(p1, s2Path + "/discussion", "{\"on\":\"2025-05-10\",\"notes\":\"plan\"}");
            post(p1, s2Path + "/resolution", "{\"on\":\"2025-06-01\",\"notes\":\"paid\"}");
            post(c1, "/api/v1/tenancies/" + t1Tenancy + "/flip-approvals", "{\"on\":\"2025-10-01\"}");
            post(p1, "/api/v1/tenancies/" + t1Tenancy + "/flip-approvals", "{\"on\":\"2025-10-01\"}");
            post(municipality, "/api/v1/tenancies/" + t1Tenancy + "/flip-approvals", "{\"on\":\"2025-10-02\"}");
            post(c1, "/api/v1/tenancies/" + t1Tenancy + "/flip", "{\"on\":\"2025-10-10\",\"grounds\":\"all well\"}");
            signal(t1Tenancy, "NUISANCE", "2025-11-01");
            post(municipality, "/api/v1/care-indications/" + indication + "/end",
                    "{\"reason\":\"CAN_LIVE_INDEPENDENTLY\",\"endedOn\":\"2025-11-01\",\"grounds\":\"independent\"}");

            // T2: from MO, offered after the deadline (226 days), moved in 16 days after the offer; an open signal.
            String t2 = client(twente, "SHELTER", P1, "2024-07-01", "2025-02-01");
            String t2Tenancy = housed(t2, c1, P1, "CARE_PROVIDER_LEASE", true, "2025-09-15", "2025-09-20", "2025-09-25", "2025-10-01", "Almelo", "Noord");
            signal(t2Tenancy, "RENT_ARREARS", "2025-12-20");

            // T3: housed 2023-07-01, evicted 2025-05-01. T4: a potential outflower. T5: in MO.
            String t3 = client(twente, "PROTECTED_HOUSING", P2, "2023-01-01", "2023-03-01");
            String t3Tenancy = housed(t3, c2, P2, "CARE_PROVIDER_LEASE", false, "2023-06-01", "2023-06-05", "2023-06-10", "2023-07-01", "Hengelo", "Berflo");
            post(c2, "/api/v1/tenancies/" + t3Tenancy + "/end", "{\"reason\":\"EVICTION\",\"endedOn\":\"2025-05-01\",\"grounds\":\"arrears\"}");
            client(twente, "PROTECTED_HOUSING", P2, "2025-02-01", "2025-05-01");
            client(twente, "SHELTER", P1, "2025-03-01", null);

            // T6: housed 2024-07-01, back to BW 2025-06-01; the journey process ends the tenancy.
            String t6 = client(twente, "PROTECTED_HOUSING", P1, "2024-01-01", "2024-03-01");
            housed(t6, c1, P1, "TRIPARTITE", true, "2024-06-01", "2024-06-02", "2024-06-15", "2024-07-01", "Almelo", "Centrum");
            // No wait needed: the move-in records the outflow in its own transaction, and the journey process sees
            // the tenancy start before the return, in the store's order.
            post(municipality, "/api/v1/clients/" + t6 + "/return-to-care",
                    "{\"setting\":\"PROTECTED_HOUSING\",\"returnedOn\":\"2025-06-01\",\"grounds\":\"terugval\"}");

            // Drenthe: D1 from MO into a lease of their own; D2 in BW.
            String d1 = client(drenthe, "SHELTER", P2, "2024-01-01", "2025-01-01");
            housed(d1, c2, P2, "CLIENT_LEASE", true, "2025-02-01", "2025-02-05", "2025-02-10", "2025-03-01", "Assen", "Lloren");
            client(drenthe, "PROTECTED_HOUSING", P2, "2025-01-01", null);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode f = figures(twente);
                assertThat(f.get("waakvlamContactsMissed").asLong()).isEqualTo(2);
                assertThat(f.get("openSignals").asLong()).isEqualTo(4);
                assertThat(f.get("tenanciesEnded").asLong()).isEqualTo(2);
                assertThat(f.get("stockProtectedHousing").asLong()).isEqualTo(2);
                assertThat(f.get("stockShelter").asLong()).isEqualTo(1);
                assertThat(figures(drenthe).get("outflows").asLong()).isEqualTo(1);
                assertThat(figures(drenthe).get("stockShelter").asLong()).isZero(); // once the outflow is recorded
            });
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode f = figures(twente);
            assertThat(f.get("stockProtectedHousing").asLong()).isEqualTo(2);     // T4, T6 back in BW
            assertThat(f.get("stockShelter").asLong()).isEqualTo(1);              // T5
            assertThat(f.get("potentialOutflowers").asLong()).isEqualTo(1);       // T4
            assertThat(f.get("trajectoriesStarted").asLong()).isEqualTo(3);       // T1, T2, T4
            assertThat(f.get("outflows").asLong()).isEqualTo(2);                  // T1, T2
            assertThat(f.get("flips").asLong()).isEqualTo(1);
            assertThat(f.get("returnsToCare").asLong()).isEqualTo(1);
            assertThat(f.get("evictions").asLong()).isEqualTo(1);
            assertThat(f.get("tenanciesEnded").asLong()).isEqualTo(2);            // T3 evicted, T6 returned
            // Spreadsheet definitions: =MEDIAN(59;226) = 142.5, =PERCENTILE.INC(59;226;0,9) = 59 + 0.9 * 167 = 209.3
            assertThat(f.get("daysTrajectoryToOfferMedian").decimalValue()).isEqualByComparingTo("142.5");
            assertThat(f.get("daysTrajectoryToOfferP90").decimalValue()).isEqualByComparingTo("209.3");
            assertThat(f.get("daysTrajectoryToOfferCases").asLong()).isEqualTo(2);
            // =MEDIAN(31;16) = 23.5, =PERCENTILE.INC(31;16;0,9) = 16 + 0.9 * 15 = 29.5
            assertThat(f.get("daysOfferToMoveInMedian").decimalValue()).isEqualByComparingTo("23.5");
            assertThat(f.get("daysOfferToMoveInP90").decimalValue()).isEqualByComparingTo("29.5");
            assertThat(f.get("daysMoveInToFlipMedian").decimalValue()).isEqualByComparingTo("183");
            assertThat(f.get("daysMoveInToFlipP90").decimalValue()).isEqualByComparingTo("183");
            assertThat(f.get("shareOfferedWithinDeadlineNumerator").asLong()).isEqualTo(1);
            assertThat(f.get("shareOfferedWithinDeadlineDenominator").asLong()).isEqualTo(2);
            assertThat(f.get("offersMade").asLong()).isEqualTo(2);                  // T1, T2 offered in 2025
            assertThat(f.get("offersRefused").asLong()).isZero();
            assertThat(f.get("housed").asLong()).isEqualTo(2);                      // T1, T2 (T3 evicted, T6 returned)
            assertThat(f.get("potentialOutflowersWaiting.6to12Months").asLong()).isEqualTo(1); // T4 since 2025-05-01
            assertThat(f.get("potentialOutflowersWaiting.under3Months").asLong()).isZero();
            assertThat(f.get("returnsToCareByTimeHoused.6to12Months").asLong()).isEqualTo(1);  // T6 after 11 months
            assertThat(f.get("trajectoriesEndedWithoutOutflow").asLong()).isZero(); // T6's ended after a move-in
            assertThat(f.get("sustainedAfter12MonthsNumerator").asLong()).isEqualTo(1);
            assertThat(f.get("sustainedAfter12MonthsDenominator").asLong()).isEqualTo(2);
            assertThat(f.get("shareOfferedWithinDeadline").asDouble()).isEqualTo(0.5);
            assertThat(f.get("quotaAgreed." + C1).asLong()).isEqualTo(10);
            assertThat(f.get("quotaUsed." + C1).asLong()).isEqualTo(2);
            assertThat(f.get("targetOutflows").asLong()).isEqualTo(20);
            assertThat(f.get("outflowsSinceAgreement").asLong()).isEqualTo(2);
            assertThat(f.get("forecastAtTargetDate").asDouble()).isEqualTo(4.0);
            assertThat(f.get("openSignals").asLong()).isEqualTo(4);               // nuisance, arrears, 2 missed contacts
            assertThat(f.get("openSignalsByKind.NUISANCE").asLong()).isEqualTo(1);
            assertThat(f.get("openSignalsByKind.RENT_ARREARS").asLong()).isEqualTo(1);
            assertThat(f.get("openSignalsByKind.MISSED_WAAKVLAM_CONTACT").asLong()).isEqualTo(2);
            assertThat(f.get("openSignalsByAge.under30Days").asLong()).isEqualTo(2); // raised 12-20 and 12-27
            assertThat(f.get("openSignalsByAge.30to90Days").asLong()).isEqualTo(2);  // raised 11-01 and 11-29
            assertThat(f.get("signalsResolved").asLong()).isEqualTo(1);
            assertThat(f.get("waakvlamActive").asLong()).isEqualTo(1);
            assertThat(f.get("waakvlamContactsMissed").asLong()).isEqualTo(2);
            assertThat(f.get("sustainedAfter12Months").asDouble()).isEqualTo(0.5);  // T3 yes, T6 no
            assertThat(f.get("sustainedAfter24Months").asDouble()).isEqualTo(0.0);  // T3 evicted before 24 months
            assertThat(f.get("outflowsByMunicipality.Almelo").asLong()).isEqualTo(2);
            assertThat(f.get("outflowsByNeighbourhood.Almelo/Centrum").asLong()).isEqualTo(1);
            JsonNode d = figures(drenthe);
            assertThat(d.get("outflows").asLong()).isEqualTo(1);
            assertThat(d.get("stockProtectedHousing").asLong()).isEqualTo(1);
            assertThat(d.get("stockShelter").asLong()).isZero();
        });
    }
}
