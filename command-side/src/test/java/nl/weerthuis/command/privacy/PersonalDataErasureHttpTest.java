package nl.weerthuis.command.privacy;

import nl.weerthuis.command.support.Acting;
import nl.weerthuis.kernel.client.RequestHousingCommand;
import nl.weerthuis.testsupport.TestTokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.ArrangementChecklist;
import nl.weerthuis.kernel.client.StartOutflowTrajectoryCommand;
import nl.weerthuis.kernel.client.UpdateArrangementChecklistCommand;
import nl.weerthuis.kernel.tenancy.AcceptOfferCommand;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.OfferDwellingCommand;
import nl.weerthuis.kernel.tenancy.StartTenancyCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data is stored sealed, and {@code DELETE .../personal-data} shreds the client's key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PersonalDataErasureHttpTest {

    private static final String OTHER_MUNICIPALITY = "00000001009999999000";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    CommandGateway commands;

    private final String name = "Anna de Vries " + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void personal_details_are_stored_only_sealed_and_erasure_shreds_the_key() throws Exception {
        String client = register("""
                {"name":"%s","bsn":"111222333","dateOfBirth":"1990-05-17","contact":"anna@example.org"}""".formatted(name));
        String storedEvents = eventsOf(client);
        assertThat(storedEvents).doesNotContain(name, "111222333", "1990-05-17", "anna@example.org").contains("pd1:" + client);

        assertThat(erase(client, TestTokens.municipalCaseworker(), "CLIENT_REQUEST").getStatusCode())
                .as("a caseworker may not erase").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(erase(client, TestTokens.token(OTHER_MUNICIPALITY, "MUNICIPALITY", "ADMIN"), "CLIENT_REQUEST")
                .getStatusCode()).as("another municipality does not know the client").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(erase(client, admin(), null).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(erase(client, admin(), "BECAUSE").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(keyOf(client)).isNotNull();

        assertThat(erase(client, admin(), "CLIENT_REQUEST").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(keyOf(client)).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE subject_id = ? AND erased_at IS NOT NULL",
                Long.class, client)).isOne();
        assertThat(payloadTypesOf(client)).containsExactly("nl.weerthuis.kernel.client.ClientRegisteredEvent",
                "nl.weerthuis.kernel.client.PersonalDataErasedEvent");
        assertThat(eventsOf(client)).startsWith(storedEvents).as("events are never rewritten");

        assertThat(erase(client, admin(), "CLIENT_REQUEST").getStatusCode()).as("again").isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(payloadTypesOf(client)).hasSize(2);
    }

    @Test
    void after_erasure_no_new_personal_data_is_accepted_and_the_journey_takes_no_new_facts() throws Exception {
        String client = register(null);
        String tenancy = UUID.randomUUID().toString();
        LocalDate day = LocalDate.of(2025, 1, 6);
        Acting.send(commands, TestTokens.MUNICIPALITY, new StartOutflowTrajectoryCommand(client, day));
        Acting.send(commands, TestTokens.MUNICIPALITY, new UpdateArrangementChecklistCommand(client, new ArrangementChecklist(true, true, true, true, true, true), day));
        Acting.send(commands, TestTokens.MUNICIPALITY, new RequestHousingCommand(client, TestTokens.CORPORATION, day));
        Acting.send(commands, TestTokens.CORPORATION, new OfferDwellingCommand(tenancy, client, TestTokens.CORPORATION, TestTokens.CARE_PROVIDER,
                LeaseForm.CLIENT_LEASE, new Dwelling("Lindelaan 7", "Almelo", "Noord"), false, day));
        Acting.send(commands, TestTokens.MUNICIPALITY, new AcceptOfferCommand(tenancy, day));
        Acting.send(commands, TestTokens.CORPORATION, new StartTenancyCommand(tenancy, day));
        assertThat(eventsOf(tenancy)).doesNotContain("Lindelaan");
        long before = eventCount();

        assertThat(erase(client, admin(), "RETENTION_PERIOD_ENDED").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        ResponseEntity<String> signal = post("/api/v1/tenancies/" + tenancy + "/signals",
                TestTokens.token(TestTokens.CORPORATION, "HOUSING_CORPORATION", "CASEWORKER"), """
                {"kind":"RENT_ARREARS","severity":"LOW","description":"two months behind","raisedOn":"2025-02-01"}""");
        assertThat(signal.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(signal.getBody()).get("rule").asText()).isEqualTo("PERSONAL_DATA_ERASED");

        ResponseEntity<String> wishes = post("/api/v1/clients/" + client + "/housing-wishes", TestTokens.municipalCaseworker(),
                """
                {"wishes":"near my sister","recordedOn":"2025-02-01"}""");
        assertThat(wishes.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(json.readTree(wishes.getBody()).get("rule").asText()).isEqualTo("PERSONAL_DATA_ERASED");

        assertThat(eventCount()).as("only the erasure was recorded").isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE subject_id = ? AND wrapped_key IS NOT NULL",
                Long.class, client)).as("no new key brings the person back").isZero();
    }

    @Test
    void an_invalid_bsn_is_a_field_error_and_nothing_is_stored() throws Exception {
        long before = eventCount();
        ResponseEntity<String> response = post("/api/v1/clients", TestTokens.municipalCaseworker(), body(
                "{\"bsn\":\"123456789\",\"dateOfBirth\":\"2999-01-01\"}"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).findValuesAsText("name"))
                .containsExactlyInAnyOrder("personalDetails.bsn", "personalDetails.dateOfBirth");
        assertThat(eventCount()).isEqualTo(before);
    }

    private String register(String personalDetails) throws Exception {
        ResponseEntity<String> response = post("/api/v1/clients", TestTokens.municipalCaseworker(), body(personalDetails));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return json.readTree(response.getBody()).get("clientId").asText();
    }

    private static String body(String personalDetails) {
        return """
                {"setting":"SHELTER","facility":"Nachtopvang","region":"Erasure","municipality":"Almelo",
                 "careProvider":"%s","registeredOn":"2025-01-02"%s}""".formatted(TestTokens.CARE_PROVIDER,
                personalDetails == null ? "" : ",\"personalDetails\":" + personalDetails);
    }

    private static String admin() {
        return TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN");
    }

    private ResponseEntity<String> erase(String client, String token, String ground) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        String query = ground == null ? "" : "?ground=" + ground;
        return http.exchange("/api/v1/clients/" + client + "/personal-data" + query, HttpMethod.DELETE,
                new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> post(String path, String token, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private String eventsOf(String aggregate) {
        List<String> stored = jdbc.query("""
                SELECT payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""",
                (row, n) -> new String(row.getBytes("payload"), StandardCharsets.UTF_8)
                        + new String(row.getBytes("meta_data"), StandardCharsets.UTF_8), aggregate);
        return String.join("\n", stored);
    }

    private List<String> payloadTypesOf(String aggregate) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class, aggregate);
    }

    private byte[] keyOf(String client) {
        return jdbc.queryForObject("SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?", byte[].class, client);
    }

    private long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
    }
}
