package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.agreement.DecidedUnderAgreement;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.query.support.TestOrganisationNames;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static nl.weerthuis.query.support.TestOrganisationNames.CORPORATION;
import static nl.weerthuis.query.support.TestOrganisationNames.NAMES;
import static nl.weerthuis.query.support.TestOrganisationNames.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an auditor reads of a whole journey: every decision in plain words, by which organisation (by name) in which
 * role, on its grounds, under its agreement version and rule — and for a corporation no more than the client file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EventStoreFixture.class, TestOrganisationNames.class})
class ExplainedTimelineTest {

    /** A code such as PROTECTED_HOUSING or CARE_PROVIDER_LEASE: an auditor reads words, never these. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]+(_[A-Z]+)+\\b");
    /** The events whose decision applies a rule of the regional agreement. */
    private static final Set<String> APPLY_A_RULE = Set.of("DwellingOfferedEvent", "MovedInEvent", "OutflowRecordedEvent",
            "MonitoringReviewDueEvent", "FlipTermReachedEvent", "FlipScheduledEvent", "ContractFlippedEvent",
            "WaakvlamStartedEvent", "WaakvlamContactMissedEvent");

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate readStore;
    @Autowired
    ObjectMapper json;

    private final String clientId = UUID.randomUUID().toString();
    private List<FullJourney.Step> journey;

    @BeforeEach
    void aWholeJourney() {
        FullJourney.agreementAdopted(events, readStore);
        journey = FullJourney.of(clientId, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        FullJourney.append(events, journey);
        await().atMost(Duration.ofSeconds(20)).until(() -> readStore.queryForObject(
                "SELECT count(*) FROM history_subject WHERE client_id = ?", Long.class, clientId) == 3);
    }

    private JsonNode history(String token) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.set("X-Processing-Activity", "audit-decision-history");
        var response = http.exchange("/api/v1/clients/" + clientId + "/history", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    @Test
    void every_decision_says_in_words_what_happened_who_decided_on_which_grounds_and_under_which_rule() throws Exception {
        JsonNode history = history(TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR"));
        JsonNode entries = history.get("entries");
        assertThat(entries).hasSize(journey.size());
        for (int i = 0; i < journey.size(); i++) {
            Object event = journey.get(i).event();
            JsonNode entry = entries.get(i);
            String what = event.getClass().getSimpleName();
            assertThat(entry.get("eventType").asText()).isEqualTo(what);
            String description = entry.get("description").asText();
            assertThat(description).as(what).isNotBlank().endsWith(".").doesNotContain("Event").doesNotContainPattern(CODE)
                    .doesNotContain("was recorded"); // the fallback for an event without its own words

            String organisation = (String) journey.get(i).actor().get("actorOrganisation");
            JsonNode actor = entry.get("actor");
            if (organisation == null) {
                assertThat(actor.get("description").asText()).as(what).isEqualTo("the system (the journey's own process)");
            } else {
                String named = NAMES.containsKey(organisation) ? NAMES.get(organisation) + " (" + organisation + ")" : organisation;
                assertThat(actor.get("organisationName").asText()).as(what).isEqualTo(named);
                assertThat(actor.get("description").asText()).as(what).startsWith(named + ", ").contains(", as caseworker")
                        .doesNotContainPattern(CODE);
            }

            String grounds = component(event, "grounds");
            if (grounds != null) {
                assertThat(entry.get("grounds").asText()).as(what).isEqualTo(grounds);
            } else {
                assertThat(entry.get("grounds").isNull()).as(what).isTrue();
            }

            JsonNode agreement = entry.get("agreement");
            assertThat(agreement.get("name").asText()).as(what).isEqualTo(FullJourney.AGREEMENT_NAME);
            assertThat(agreement.get("version").asInt()).as(what).isEqualTo(1);
            assertThat(agreement.get("recordedWithDecision").asBoolean()).as(what)
                    .isEqualTo(event instanceof DecidedUnderAgreement);
            if (APPLY_A_RULE.contains(what)) {
                assertThat(entry.get("rule").get("label").asText()).as(what).isNotBlank();
                assertThat(entry.get("rule").get("value").asText()).as(what).isNotBlank().doesNotContainPattern(CODE)
                        .doesNotContain("null");
            } else {
                assertThat(entry.get("rule").isNull()).as(what).isTrue();
            }
        }
        JsonNode offer = entries.get(7);
        assertThat(offer.get("description").asText()).isEqualTo("Woonstichting De Hoven (" + CORPORATION + ") offered the "
                + "client a dwelling in Almelo, Centrum, from its quota (contingent), as tripartite contract "
                + "(driepartijenovereenkomst), with support by RIBW Twente (" + PROVIDER + ").");
        assertThat(offer.get("rule").get("value").asText()).isEqualTo("an offer within 6 months of the trajectory's start (2024-02-01)");
        assertThat(entries.get(5).get("description").asText()).contains(FullJourney.WIJKTEAM + ", neighbourhood team");
    }

    @Test
    void the_state_as_of_the_date_is_readable_facts() throws Exception {
        JsonNode history = history(TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR"));
        Map<String, JsonNode> states = new java.util.HashMap<>();
        history.get("stateAsOf").forEach(s -> states.put(s.get("aggregateType").asText(), s));
        assertThat(states).containsOnlyKeys("Client", "Tenancy", "CareIndication");
        for (JsonNode state : history.get("stateAsOf")) {
            assertThat(state.get("title").asText()).isNotBlank();
            for (JsonNode fact : state.get("facts")) {
                assertThat(fact.get("value").asText()).as(fact.get("label").asText()).doesNotContainPattern(CODE)
                        .doesNotContain("null");
            }
        }
        assertThat(DecisionHistoryTest.fact(states.get("Client"), "Lives independently"))
                .isEqualTo("yes, in a home of their own since 2024-05-15");
        assertThat(DecisionHistoryTest.fact(states.get("Client"), "Care setting"))
                .isEqualTo("protected housing (beschermd wonen), RIBW De Linde");
        assertThat(DecisionHistoryTest.fact(states.get("Tenancy"), "Flip approved by"))
                .isEqualTo("the housing corporation, the care provider, the client");
        assertThat(DecisionHistoryTest.fact(states.get("Tenancy"), "Open signals")).isEqualTo("0");
        assertThat(DecisionHistoryTest.fact(states.get("CareIndication"), "Waakvlam"))
                .isEqualTo("ended on 2026-05-01: the agreed period was completed");
        assertThat(DecisionHistoryTest.fact(states.get("CareIndication"), "Waakvlam contacts missed")).isEqualTo("1");
    }

    @Test
    void a_corporation_reads_the_explanations_minimised_like_the_client_file() throws Exception {
        JsonNode history = history(TestTokens.token(CORPORATION, "HOUSING_CORPORATION", "AUDITOR"));
        String body = history.toString();
        assertThat(body).contains("A signal was raised by another organisation.")
                .doesNotContain("rent arrears").doesNotContain("two months behind")
                .doesNotContain("protected living at home").doesNotContain("hours").doesNotContain("stable for half a year")
                .doesNotContain("Waakvlam").doesNotContain("waakvlam").doesNotContain("can live without support")
                .contains("Support by RIBW Twente (" + PROVIDER + ") runs from 2024-05-01 until 2025-05-01.")
                .contains("Support by RIBW Twente (" + PROVIDER + ") was extended until 2025-11-01.")
                .contains("Support by RIBW Twente (" + PROVIDER + ") ended on 2025-11-01.")
                .contains("rent paid for a year") // its own grounds
                .doesNotContain("lives independently now"); // the municipality's
        List<String> care = java.util.stream.StreamSupport.stream(history.get("entries").spliterator(), false)
                .filter(e -> e.get("aggregateType").asText().equals("CareIndication"))
                .map(e -> e.get("eventType").asText()).collect(Collectors.toList());
        assertThat(care).containsExactly("IndicationGrantedEvent", "IndicationExtendedEvent", "IndicationEndedEvent");
    }

    private static String component(Object event, String name) throws Exception {
        RecordComponent[] components = event.getClass().getRecordComponents();
        var found = Arrays.stream(components).filter(c -> c.getName().equals(name)).findFirst();
        return found.isEmpty() ? null : (String) found.get().getAccessor().invoke(event);
    }
}
