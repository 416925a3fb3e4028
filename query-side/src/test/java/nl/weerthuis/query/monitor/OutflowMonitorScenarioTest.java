package nl.weerthuis.query.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.agreement.AgreementAdoptedEvent;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.QuotaSetEvent;
import nl.weerthuis.kernel.agreement.TargetSetEvent;
import nl.weerthuis.kernel.careindication.WaakvlamContactMissedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamStartedEvent;
import nl.weerthuis.kernel.client.*;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.*;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two regions, two corporations, two care providers, three years of journeys with flips, a return to care, an
 * eviction, signals and a waakvlam — and every figure of the monitor checked against values computed by hand (see
 * the comments). The events are those the command side appends for these journeys.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class OutflowMonitorScenarioTest {

    static final String C1 = "11111111", C2 = "22222222", P1 = "33333333", P2 = "44444444";

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender store;
    @Autowired
    ObjectMapper json;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String twente = "Twente-" + run;
    private final String drenthe = "Drenthe-" + run;
    private final Map<String, Long> sequences = new HashMap<>();

    private void event(String type, String id, Object payload) {
        store.append(type, id, sequences.merge(id, 1L, Long::sum) - 1, payload);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private String client(String region, CareSetting setting, String provider, String registered, String trajectory) {
        String id = UUID.randomUUID().toString();
        event("Client", id, new ClientRegisteredEvent(id, setting, "facility", region, "Almelo", provider, d(registered), null));
        if (trajectory != null) {
            event("Client", id, new OutflowTrajectoryStartedEvent(id, setting, region, "Almelo", d(trajectory)));
        }
        return id;
    }

    /** Offer, acceptance, start and move-in (with the client's outflow), as the journey records them. */
    private String housed(String client, String region, String corporation, String provider, LeaseForm form, boolean quota,
                          String trajectory, String offered, String accepted, String movedIn, String municipality,
                          String neighbourhood) {
        String id = UUID.randomUUID().toString();
        Dwelling dwelling = new Dwelling("street", municipality, neighbourhood);
        event("Tenancy", id, new DwellingOfferedEvent(id, client, corporation, provider, form, dwelling, region, quota,
                d(offered), d(trajectory), "agreement", 1, Period.ofMonths(6)));
        event("Tenancy", id, new OfferAcceptedEvent(id, client, d(accepted)));
        event("Tenancy", id, new TenancyStartedEvent(id, client, form, corporation, form.initialLeaseHolder(), provider,
                dwelling, region, d(accepted)));
        event("Tenancy", id, new MovedInEvent(id, client, d(movedIn), form, corporation, provider, region, municipality,
                neighbourhood, "agreement", 1, Period.ofMonths(12), Period.ofMonths(36)));
        event("Client", client, new OutflowRecordedEvent(client, id, d(movedIn), "agreement", 1, Period.ofMonths(6), Period.ofMonths(24)));
        return id;
    }

    private void signal(String tenancy, String client, String id, SignalKind kind, String raised, String resolved) {
        event("Tenancy", tenancy, new SignalRaisedEvent(tenancy, client, id, kind, C1, OrganisationType.HOUSING_CORPORATION,
                Severity.MEDIUM, "x", d(raised)));
        if (resolved != null) {
            event("Tenancy", tenancy, new SignalResolvedEvent(tenancy, client, id, kind, Severity.MEDIUM, d(raised), d(resolved), "ok"));
        }
    }

    @BeforeEach
    void scenario() {
        String agreement = "agreement-" + run;
        event("RegionalAgreement", agreement, new AgreementAdoptedEvent(agreement, twente, "Convenant", 1, d("2025-01-01"),
                AgreementPolicy.NATIONAL_DEFAULT));
        event("RegionalAgreement", agreement, new QuotaSetEvent(agreement, twente, C1, 2025, 10));
        event("RegionalAgreement", agreement, new TargetSetEvent(agreement, twente, 20, d("2026-12-31")));

        // T1: offered within the 6-month deadline (59 days), moved in 2025-04-10, flipped after 183 days; waakvlam.
        String t1 = client(twente, CareSetting.PROTECTED_HOUSING, P1, "2024-06-01", "2025-01-10");
        String t1Tenancy = housed(t1, twente, C1, P1, LeaseForm.TRIPARTITE, true, "2025-01-10", "2025-03-10", "2025-03-15",
                "2025-04-10", "Almelo", "Centrum");
        event("Tenancy", t1Tenancy, new ContractFlippedEvent(t1Tenancy, t1, d("2025-10-10"), LeaseHolder.CARE_PROVIDER,
                LeaseHolder.CLIENT, true, C1, P1, twente, "agreement", 1, "fine"));
        signal(t1Tenancy, t1, "s1", SignalKind.NUISANCE, "2025-11-01", null);          // open, 60 days old
        signal(t1Tenancy, t1, "s2", SignalKind.RENT_ARREARS, "2025-05-01", "2025-06-01"); // resolved in period
        String indication = UUID.randomUUID().toString();
        event("CareIndication", indication, new WaakvlamStartedEvent(indication, t1, d("2025-09-01"), Period.ofWeeks(4), d("2026-03-01"),
                d("2025-09-29"), "agreement", 1));
        event("CareIndication", indication, new WaakvlamContactMissedEvent(indication, t1, d("2025-09-29"), d("2025-10-27")));
        event("CareIndication", indication, new WaakvlamContactMissedEvent(indication, t1, d("2025-10-27"), d("2025-11-24")));

        // T2: from MO, offered after the deadline (226 days), moved in 2025-10-01 (16 days after the offer).
        String t2 = client(twente, CareSetting.SHELTER, P1, "2024-07-01", "2025-02-01");
        String t2Tenancy = housed(t2, twente, C1, P1, LeaseForm.CARE_PROVIDER_LEASE, true, "2025-02-01", "2025-09-15",
                "2025-09-20", "2025-10-01", "Almelo", "Noord");
        signal(t2Tenancy, t2, "s3", SignalKind.RENT_ARREARS, "2025-12-20", null);      // open, 11 days old

        // T3: housed in 2023, evicted 2025-05-01: sustained 12 months, not 24.
        String t3 = client(twente, CareSetting.PROTECTED_HOUSING, P2, "2023-01-01", "2023-03-01");
        String t3Tenancy = housed(t3, twente, C2, P2, LeaseForm.CARE_PROVIDER_LEASE, false, "2023-03-01", "2023-06-01",
                "2023-06-05", "2023-07-01", "Hengelo", "Berflo");
        event("Tenancy", t3Tenancy, new TenancyEndedEvent(t3Tenancy, t3, TenancyEndReason.EVICTION, d("2025-05-01"), C2, P2, twente, "arrears"));

        // T4: trajectory, no offer yet: a potential outflower. T5: in MO. Both in stock.
        client(twente, CareSetting.PROTECTED_HOUSING, P2, "2025-02-01", "2025-05-01");
        client(twente, CareSetting.SHELTER, P1, "2025-03-01", null);

        // T6: housed 2024-07-01, returned to BW on 2025-06-01 (not sustained 12 months).
        String t6 = client(twente, CareSetting.PROTECTED_HOUSING, P1, "2024-01-01", "2024-03-01");
        String t6Tenancy = housed(t6, twente, C1, P1, LeaseForm.TRIPARTITE, true, "2024-03-01", "2024-06-01", "2024-06-02",
                "2024-07-01", "Almelo", "Centrum");
        event("Client", t6, new ClientReturnedToCareEvent(t6, t6Tenancy, CareSetting.PROTECTED_HOUSING, d("2025-06-01"), "terugval"));
        event("Client", t6, new TrajectoryClosedEvent(t6, TrajectoryClosure.RETURNED_TO_CARE, d("2025-06-01"), "terugval"));
        event("Tenancy", t6Tenancy, new TenancyEndedEvent(t6Tenancy, t6, TenancyEndReason.RETURNED_TO_CARE, d("2025-06-01"), C1, P1, twente, null));

        // Drenthe: D1 from MO housed 2025-03-01 in its own name; D2 in BW.
        String d1 = client(drenthe, CareSetting.SHELTER, P2, "2024-01-01", "2025-01-01");
        housed(d1, drenthe, C2, P2, LeaseForm.CLIENT_LEASE, true, "2025-01-01", "2025-02-01", "2025-02-05", "2025-03-01", "Assen", "Lloren");
        client(drenthe, CareSetting.PROTECTED_HOUSING, P2, "2025-01-01", null);
    }

    private ResponseEntity<String> get(String role, String query, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", role));
        headers.setAccept(List.of(accept));
        return http.exchange("/api/v1/monitor/outflow" + query, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private JsonNode twenteFigures(String role) throws Exception {
        JsonNode body = json.readTree(get(role, "?region=" + twente + "&from=2025-01-01&to=2025-12-31",
                MediaType.APPLICATION_JSON).getBody());
        return body.get("groups").get(0).get("figures");
    }

    /** Every aggregate's events of the scenario have reached the monitor (segments catch up independently). */
    private void awaitSettled() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode f = twenteFigures("ADMIN");
            assertThat(f.get("stockProtectedHousing").asLong()).isEqualTo(2);
            assertThat(f.get("stockShelter").asLong()).isEqualTo(1);
            assertThat(f.get("outflows").asLong()).isEqualTo(2);
            assertThat(f.get("tenanciesEnded").asLong()).isEqualTo(2);
            assertThat(f.get("openSignals").asLong()).isEqualTo(2);
            assertThat(f.get("waakvlamContactsMissed").asLong()).isEqualTo(2);
            assertThat(f.get("targetOutflows").asLong()).isEqualTo(20);
        });
    }

    @Test
    void every_figure_matches_the_hand_computed_value() throws Exception {
        // Figures settle as every segment catches up; all of them must reach the hand-computed values.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode f = twenteFigures("ADMIN");
            assertThat(f.get("stockProtectedHousing").asLong()).isEqualTo(2);    // T4, T6 (back in BW)
            assertThat(f.get("stockShelter").asLong()).isEqualTo(1);             // T5
            assertThat(f.get("potentialOutflowers").asLong()).isEqualTo(1);      // T4
            assertThat(f.get("trajectoriesStarted").asLong()).isEqualTo(3);      // T1, T2, T4
            assertThat(f.get("outflows").asLong()).isEqualTo(2);                 // T1, T2
            assertThat(f.get("flips").asLong()).isEqualTo(1);
            assertThat(f.get("returnsToCare").asLong()).isEqualTo(1);
            assertThat(f.get("evictions").asLong()).isEqualTo(1);
            assertThat(f.get("tenanciesEnded").asLong()).isEqualTo(2);           // T3, T6
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
            assertThat(f.get("quotaUsed." + C1).asLong()).isEqualTo(2);          // accepted from quota in 2025: T1, T2
            assertThat(f.get("targetOutflows").asLong()).isEqualTo(20);
            assertThat(f.get("outflowsSinceAgreement").asLong()).isEqualTo(2);
            assertThat(f.get("forecastAtTargetDate").asDouble()).isEqualTo(4.0); // 2 in 365 days, 730 days to the target
            assertThat(f.get("openSignals").asLong()).isEqualTo(2);
            assertThat(f.get("openSignalsByKind.NUISANCE").asLong()).isEqualTo(1);
            assertThat(f.get("openSignalsByKind.RENT_ARREARS").asLong()).isEqualTo(1);
            assertThat(f.get("openSignalsByAge.under30Days").asLong()).isEqualTo(1);
            assertThat(f.get("openSignalsByAge.30to90Days").asLong()).isEqualTo(1);
            assertThat(f.get("signalsResolved").asLong()).isEqualTo(1);
            assertThat(f.get("waakvlamActive").asLong()).isEqualTo(1);
            assertThat(f.get("sustainedAfter12Months").asDouble()).isEqualTo(0.5); // T3 yes, T6 no
            assertThat(f.get("sustainedAfter24Months").asDouble()).isEqualTo(0.0); // T3 evicted before 24 months
            assertThat(f.get("outflowsByMunicipality.Almelo").asLong()).isEqualTo(2);
            assertThat(f.get("outflowsByNeighbourhood.Almelo/Noord").asLong()).isEqualTo(1);
        });
    }

    @Test
    void grouped_by_region_and_by_corporation_and_as_csv() throws Exception {
        awaitSettled();
        // Drenthe's own events reach the monitor in segments of their own: wait for all of its hand-computed values
        // (a stock of 0 alone is also true before anything of Drenthe arrived).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode groups = json.readTree(get("ADMIN", "?from=2025-01-01&to=2025-12-31&groupBy=region",
                    MediaType.APPLICATION_JSON).getBody()).get("groups");
            JsonNode drentheFigures = null;
            for (JsonNode group : groups) {
                if (group.get("group").asText().equals(drenthe)) {
                    drentheFigures = group.get("figures");
                }
            }
            assertThat(drentheFigures).isNotNull();
            assertThat(drentheFigures.get("outflows").asLong()).isEqualTo(1);
            assertThat(drentheFigures.get("stockProtectedHousing").asLong()).isEqualTo(1);
            assertThat(drentheFigures.get("stockShelter").asLong()).isZero();
        });

        JsonNode byCorporation = json.readTree(get("ADMIN", "?region=" + twente + "&from=2025-01-01&to=2025-12-31&groupBy=corporation",
                MediaType.APPLICATION_JSON).getBody()).get("groups");
        for (JsonNode group : byCorporation) {
            if (group.get("group").asText().equals(C2)) {
                assertThat(group.get("figures").get("evictions").asLong()).isEqualTo(1);
                assertThat(group.get("figures").get("outflows").asLong()).isZero();
            }
        }

        ResponseEntity<String> csv = get("ADMIN", "?region=" + twente + "&from=2025-01-01&to=2025-12-31", MediaType.parseMediaType("text/csv"));
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String[] lines = csv.getBody().split("\n");
        List<String> header = List.of(lines[0].split(","));
        List<String> row = List.of(lines[1].split(",", -1));
        assertThat(row.get(header.indexOf("outflows"))).isEqualTo("2");
        assertThat(row.get(header.indexOf("stockProtectedHousing"))).isEqualTo("2");
    }

    @Test
    void monitors_see_no_count_from_one_to_four() throws Exception {
        awaitSettled();
        JsonNode body = json.readTree(get("MONITOR", "?region=" + twente + "&from=2025-01-01&to=2025-12-31",
                MediaType.APPLICATION_JSON).getBody());
        JsonNode f = body.get("groups").get(0).get("figures");
        f.fields().forEachRemaining(figure -> {
            if (figure.getValue().isIntegralNumber()) {
                assertThat(figure.getValue().asLong() >= 1 && figure.getValue().asLong() <= 4).as(figure.getKey() + " = " + figure.getValue()).isFalse();
            }
        });
        assertThat(f.get("outflows").isNull()).isTrue();
        assertThat(f.get("shareOfferedWithinDeadline").isNull()).as("a share of 2 cases").isTrue();
        assertThat(body.get("groups").get(0).get("suppressed")).extracting(JsonNode::asText).contains("outflows", "stockShelter");
        String csv = get("MONITOR", "?region=" + twente + "&from=2025-01-01&to=2025-12-31",
                MediaType.parseMediaType("text/csv")).getBody();
        assertThat(csv).contains("suppressed");
        // JSON minus CSV: the same numbers, so nothing to gain from comparing them.
        String[] lines = csv.split("\n");
        List<String> header = List.of(lines[0].split(","));
        List<String> row = List.of(lines[1].split(",", -1));
        JsonNode group = body.get("groups").get(0);
        f.fields().forEachRemaining(figure -> {
            String cell = row.get(header.indexOf(figure.getKey()));
            if (figure.getValue().isNull()) {
                assertThat(cell).as(figure.getKey()).isIn("suppressed", "");
            } else if (figure.getValue().isTextual()) {
                assertThat(cell).as(figure.getKey()).isEqualTo(figure.getValue().asText());
            } else {
                assertThat(new java.math.BigDecimal(cell)).as(figure.getKey())
                        .isEqualByComparingTo(figure.getValue().decimalValue());
            }
        });
        group.get("suppressedCells").fields().forEachRemaining(left ->
                assertThat(row.get(header.indexOf("suppressedCells." + left.getKey()))).isEqualTo(left.getValue().asText()));
        assertThat(group.get("suppressedCells").get("outflows").asLong()).as("T1 and T2 in cells of their own").isEqualTo(2);
    }

    @Test
    void monitors_ask_for_whole_calendar_months() {
        assertThat(get("MONITOR", "?region=" + twente + "&from=2025-01-02&to=2025-12-31", MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(get("MONITOR", "?region=" + twente + "&from=2025-01-01&to=2025-12-30", MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(400);
        assertThat(get("MONITOR", "?region=" + twente + "&from=2025-02-01&to=2025-02-28", MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(get("ADMIN", "?region=" + twente + "&from=2025-01-02&to=2025-12-30", MediaType.APPLICATION_JSON)
                .getStatusCode().value()).as("administrators see exact figures for any period").isEqualTo(200);
    }

    @Test
    void a_bad_group_or_period_is_a_problem_json_400_and_other_roles_are_refused() {
        assertThat(get("ADMIN", "?groupBy=weekday", MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(400);
        assertThat(get("ADMIN", "?from=2025-02-01&to=2025-01-01", MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(400);
        for (String role : new String[]{"CASEWORKER", "AUDITOR", "PARTNER_SYSTEM", "CLIENT"}) {
            assertThat(get(role, "", MediaType.APPLICATION_JSON).getStatusCode().value()).as(role).isEqualTo(403);
        }
    }
}
