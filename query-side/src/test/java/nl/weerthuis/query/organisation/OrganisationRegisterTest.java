package nl.weerthuis.query.organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.organisation.OrganisationRegionsChangedEvent;
import nl.weerthuis.kernel.organisation.OrganisationRegisteredEvent;
import nl.weerthuis.kernel.organisation.OrganisationRenamedEvent;
import nl.weerthuis.kernel.organisation.OrganisationTypeChangedEvent;
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
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The register's events, appended to the shared PostgreSQL store, reach the projection, its API and the names. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class OrganisationRegisterTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ObjectMapper json;
    @Autowired
    OrganisationNames names;
    @Autowired
    OrganisationRegisterProjection projection;

    private final String number = String.format("%020d", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));

    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    @Test
    void names_follow_the_register_and_a_rename_is_seen_as_soon_as_it_is_projected() throws Exception {
        assertThat(names.nameOf(number)).isEmpty();
        events.append("Organisation", number, 0, new OrganisationRegisteredEvent(number, "Gemeente Almelo",
                OrganisationType.MUNICIPALITY, List.of("Twente")));
        await().atMost(Duration.ofSeconds(10)).until(() -> names.nameOf(number).isPresent());
        assertThat(names.nameOf(number)).contains("Gemeente Almelo");

        events.append("Organisation", number, 1, new OrganisationRenamedEvent(number, "Gemeente Almelo (centrum)"));
        events.append("Organisation", number, 2, new OrganisationRegionsChangedEvent(number, List.of("Twente", "Salland")));
        events.append("Organisation", number, 3, new OrganisationTypeChangedEvent(number, OrganisationType.SUPERVISOR));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(names.nameOf(number))
                .contains("Gemeente Almelo (centrum)"));
        // Several at once, in one query, as a history names its organisations: the same names, none for the unknown.
        assertThat(names.namesOf(List.of(number, "99999997"))).isEqualTo(Map.of(number, "Gemeente Almelo (centrum)"));
        assertThat(names.namesOf(List.of())).isEmpty();

        // Anyone signed in reads it, with the version as ETag: a partner system of a corporation, say.
        String partner = TestTokens.token("21000001", "HOUSING_CORPORATION", "PARTNER_SYSTEM");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/v1/organisations/" + number, partner).getHeaders().getETag()).isEqualTo("\"3\""));
        ResponseEntity<String> one = get("/api/v1/organisations/" + number, partner);
        JsonNode organisation = json.readTree(one.getBody());
        assertThat(organisation.get("name").asText()).isEqualTo("Gemeente Almelo (centrum)");
        assertThat(organisation.get("type").asText()).isEqualTo("SUPERVISOR");
        assertThat(organisation.get("regions").toString()).isEqualTo("[\"Twente\",\"Salland\"]");
        JsonNode all = json.readTree(get("/api/v1/organisations", partner).getBody()).get("organisations");
        assertThat(all.findValuesAsText("organisationId")).contains(number);

        assertThat(get("/api/v1/organisations/" + number, null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/api/v1/organisations/99999998", partner).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void an_event_handled_again_does_not_undo_a_later_change() {
        events.append("Organisation", number, 0, new OrganisationRegisteredEvent(number, "Old", OrganisationType.CARE_PROVIDER,
                List.of()));
        events.append("Organisation", number, 1, new OrganisationRenamedEvent(number, "Middle"));
        events.append("Organisation", number, 2, new OrganisationRenamedEvent(number, "New"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(names.nameOf(number)).contains("New"));

        projection.on(new OrganisationRenamedEvent(number, "Middle"), 1);
        projection.on(new OrganisationRegisteredEvent(number, "Old", OrganisationType.CARE_PROVIDER, List.of()), 0);
        assertThat(names.nameOf(number)).contains("New");
    }
}
