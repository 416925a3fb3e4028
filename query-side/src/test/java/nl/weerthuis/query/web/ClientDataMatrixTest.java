package nl.weerthuis.query.web;

import nl.weerthuis.kernel.careindication.IndicationEndReason;
import java.time.Period;
import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationType;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.CaseCoordinationAssignedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.HousingRequestedEvent;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import nl.weerthuis.kernel.tenancy.Dwelling;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.LeaseForm;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.weerthuis.kernel.identity.OrganisationType.CARE_PROVIDER;
import static nl.weerthuis.kernel.identity.OrganisationType.HOUSING_CORPORATION;
import static nl.weerthuis.kernel.identity.OrganisationType.MUNICIPALITY;
import static nl.weerthuis.kernel.identity.OrganisationType.NEIGHBOURHOOD_TEAM;
import static nl.weerthuis.kernel.identity.OrganisationType.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reads of one client's data, generated: file, history, disclosures and agreements × every organisation type ×
 * every role × {involved, never involved, formerly involved}, against PostgreSQL, with the exact status, nothing of
 * the client in a refusal and no processing-log record for it. (Which role reaches which endpoint at all is
 * {@link QueryAuthorizationTest}, which also requires a rule for every endpoint.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientDataMatrixTest {

    enum Standing { INVOLVED, NEVER_INVOLVED, FORMERLY_INVOLVED }

    static final String MUNICIPALITY_A = TestTokens.MUNICIPALITY, CORPORATION_A = "41000001", CORPORATION_B = "41000002",
            PROVIDER_A = "51000001", PROVIDER_B = "51000002", TEAM_A = "00000001004200000001";

    static final Map<OrganisationType, Map<Standing, String>> ORGANISATIONS = Map.of(
            MUNICIPALITY, Map.of(Standing.INVOLVED, MUNICIPALITY_A, Standing.NEVER_INVOLVED, "00000001009000000008"),
            HOUSING_CORPORATION, Map.of(Standing.INVOLVED, CORPORATION_A, Standing.NEVER_INVOLVED, "49999999",
                    Standing.FORMERLY_INVOLVED, CORPORATION_B),
            CARE_PROVIDER, Map.of(Standing.INVOLVED, PROVIDER_A, Standing.NEVER_INVOLVED, "59999999",
                    Standing.FORMERLY_INVOLVED, PROVIDER_B),
            NEIGHBOURHOOD_TEAM, Map.of(Standing.INVOLVED, TEAM_A, Standing.NEVER_INVOLVED, "00000001004999999998"),
            SUPERVISOR, Map.of(Standing.NEVER_INVOLVED, "00000001005999999998"));

    /** The reads about one client; the header each read names (harmless where it is not asked for). */
    static final List<String> READS = List.of("file", "history", "disclosures", "agreements");
    static final Map<String, String> ACTIVITY = Map.of("file", "journey-coordination", "history", "audit-decision-history",
            "disclosures", "audit-decision-history", "agreements", "client-own-agreements");

    @LocalServerPort
    int port;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    JdbcTemplate readStore;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String a = UUID.randomUUID().toString(), b = UUID.randomUUID().toString();
    private final String facility = "Matrix-" + UUID.randomUUID().toString().substring(0, 8);

    private static MetaData by(String organisation, OrganisationType type) {
        return MetaData.with("actorOrganisation", organisation).and("actorOrganisationType", type.name())
                .and("actorPerson", "matrix").and("actorRoles", "CASEWORKER");
    }

    /** Client A: each type's involved organisation is involved. Client B: the formerly involved ones were, until it ended. */
    @BeforeAll
    void journeys() {
        for (String client : List.of(a, b)) {
            boolean formerly = client.equals(b);
            String corporation = formerly ? CORPORATION_B : CORPORATION_A;
            String tenancy = UUID.randomUUID().toString(), indication = UUID.randomUUID().toString();
            MetaData municipality = by(MUNICIPALITY_A, MUNICIPALITY);
            events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, facility, "Twente",
                    "Almelo", PROVIDER_A, LocalDate.of(2026, 1, 5), null), municipality);
            events.append("Client", client, 1, formerly
                    ? new HousingRequestedEvent(client, corporation, LocalDate.of(2026, 1, 6))
                    : new CaseCoordinationAssignedEvent(client, TEAM_A, NEIGHBOURHOOD_TEAM, LocalDate.of(2026, 1, 6)), municipality);
            if (!formerly) {
                events.append("Client", client, 2, new HousingRequestedEvent(client, corporation, LocalDate.of(2026, 1, 6)),
                        municipality);
            }
            events.append("Tenancy", tenancy, 0, new DwellingOfferedEvent(tenancy, client, corporation, PROVIDER_A,
                    LeaseForm.CLIENT_LEASE, new Dwelling("Matrixstraat 1", "Almelo", "Noord"), "Twente", false,
                    LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 6), "a", 1, Period.ofMonths(6)), by(corporation, HOUSING_CORPORATION));
            events.append("CareIndication", indication, 0, new IndicationGrantedEvent(indication, client,
                    IndicationType.SUPPORTED_LIVING, 7, formerly ? PROVIDER_B : PROVIDER_A, "Twente", LocalDate.of(2026, 1, 1),
                    LocalDate.of(2027, 1, 1)), municipality);
            if (formerly) {
                events.append("Tenancy", tenancy, 1, new TenancyEndedEvent(tenancy, client, TenancyEndReason.MOVED,
                        LocalDate.of(2026, 3, 1), corporation, PROVIDER_A, "Twente", null), by(corporation, HOUSING_CORPORATION));
                events.append("CareIndication", indication, 1, new IndicationEndedEvent(indication, client,
                        IndicationEndReason.PERIOD_ENDED, LocalDate.of(2026, 3, 1), PROVIDER_B, null), municipality);
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> readStore.queryForObject(
                "SELECT count(DISTINCT organisation) FROM file_involvement WHERE client_id = ?", Long.class, a) == 4
                && readStore.queryForObject("""
                        SELECT count(DISTINCT organisation) FROM file_involvement WHERE client_id = ? AND organisation IN (?, ?)
                        AND ended_at IS NOT NULL""", Long.class, b, CORPORATION_B, PROVIDER_B) == 2
                && readStore.queryForObject("""
                        SELECT count(*) FROM file_involvement WHERE client_id = ? AND organisation IN (?, ?)
                        AND ended_at IS NULL""", Long.class, b, CORPORATION_B, PROVIDER_B) == 0
                && readStore.queryForObject("SELECT count(*) FROM history_subject WHERE client_id IN (?, ?)", Long.class, a, b) == 6);
    }

    /** The exact status of a read of {@code read} about a client, for this reader. */
    static int expected(String read, OrganisationType type, Role role, Standing standing, boolean ownClient) {
        switch (read) {
            case "file" -> {
                if (role != Role.CASEWORKER) {
                    return 403;
                }
                return standing == Standing.INVOLVED ? 200 : 404;
            }
            case "history", "disclosures" -> {
                if (role == Role.CLIENT) {
                    return ownClient ? 200 : 404;
                }
                if (role != Role.AUDITOR) {
                    return 403;
                }
                return type == SUPERVISOR || standing != Standing.NEVER_INVOLVED ? 200 : 404;
            }
            case "agreements" -> {
                if (role != Role.CLIENT) {
                    return 403;
                }
                return ownClient ? 200 : 404;
            }
            default -> throw new IllegalArgumentException(read);
        }
    }

    private HttpResponse<String> get(String path, String token, String activity) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET()
                .header("X-Processing-Activity", activity);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long logged() {
        return readStore.queryForObject("SELECT count(*) FROM processing_log", Long.class);
    }

    @Test
    void every_read_of_a_clients_data_gives_every_type_role_and_standing_exactly_its_status() throws Exception {
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (String read : READS) {
            for (OrganisationType type : OrganisationType.values()) {
                for (Map.Entry<Standing, String> organisation : ORGANISATIONS.get(type).entrySet()) {
                    String client = organisation.getKey() == Standing.FORMERLY_INVOLVED ? b : a;
                    for (Role role : Role.values()) {
                        int expected = expected(read, type, role, organisation.getKey(), false);
                        long before = logged();
                        HttpResponse<String> response = get("/api/v1/clients/" + client + "/" + read,
                                TestTokens.token(organisation.getValue(), type.name(), role.name()), ACTIVITY.get(read));
                        requests++;
                        String cell = read + " as " + type + " " + role + " " + organisation.getKey();
                        if (response.statusCode() != expected) {
                            wrong.add(cell + ": expected " + expected + ", got " + response.statusCode() + " " + response.body());
                        } else if (expected != 200 && (logged() != before || response.body().contains(facility)
                                || response.body().contains("SUPPORTED_LIVING") || response.body().contains(PROVIDER_A))) {
                            wrong.add(cell + ": refused, but disclosed or logged something: " + response.body());
                        }
                    }
                }
            }
            for (String client : List.of(a, b)) {
                int own = expected(read, MUNICIPALITY, Role.CLIENT, Standing.NEVER_INVOLVED, true);
                assertThat(get("/api/v1/clients/" + client + "/" + read, TestTokens.clientToken(client), ACTIVITY.get(read))
                        .statusCode()).as("the client reads their own " + read).isEqualTo(own);
                int other = read.equals("file") ? 403 : 404;
                assertThat(get("/api/v1/clients/" + client + "/" + read, TestTokens.clientToken(UUID.randomUUID().toString()),
                        ACTIVITY.get(read)).statusCode()).as("another client's " + read).isEqualTo(other);
            }
            assertThat(get("/api/v1/clients/" + a + "/" + read, null, ACTIVITY.get(read)).statusCode()).isEqualTo(401);
        }
        assertThat(wrong).as(requests + " requests").isEmpty();
    }

    @Test
    void an_organisation_whose_involvement_ended_no_longer_reads_the_file_but_its_auditor_reads_what_it_took_part_in()
            throws Exception {
        HttpResponse<String> file = get("/api/v1/clients/" + b + "/file",
                TestTokens.token(CORPORATION_B, "HOUSING_CORPORATION", "CASEWORKER"), "journey-coordination");
        assertThat(file.statusCode()).isEqualTo(404);
        HttpResponse<String> history = get("/api/v1/clients/" + b + "/history",
                TestTokens.token(CORPORATION_B, "HOUSING_CORPORATION", "AUDITOR"), "audit-decision-history");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("TenancyEndedEvent").doesNotContain("SUPPORTED_LIVING").doesNotContain("supported living")
                .doesNotContain("IndicationGrantedEvent");
    }

    @Test
    void the_holder_of_procesregie_reads_the_file_and_an_inspectorate_must_name_its_activity() throws Exception {
        assertThat(get("/api/v1/clients/" + a + "/file", TestTokens.token(TEAM_A, "NEIGHBOURHOOD_TEAM", "CASEWORKER"),
                "journey-coordination").statusCode()).isEqualTo(200);
        HttpRequest withoutActivity = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/clients/" + a
                + "/history")).header("Authorization", "Bearer "
                + TestTokens.token("00000001005999999998", "SUPERVISOR", "AUDITOR")).GET().build();
        assertThat(http.send(withoutActivity, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }

    @Test
    void a_corporations_auditor_sees_its_own_reads_in_the_disclosures_and_others_only_as_another_organisation()
            throws Exception {
        assertThat(get("/api/v1/clients/" + a + "/file", TestTokens.token(PROVIDER_A, "CARE_PROVIDER", "CASEWORKER"),
                "journey-coordination").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/clients/" + a + "/file", TestTokens.token(CORPORATION_A, "HOUSING_CORPORATION", "CASEWORKER"),
                "journey-coordination").statusCode()).isEqualTo(200);
        HttpResponse<String> disclosures = get("/api/v1/clients/" + a + "/disclosures",
                TestTokens.token(CORPORATION_A, "HOUSING_CORPORATION", "AUDITOR"), "audit-decision-history");
        assertThat(disclosures.statusCode()).isEqualTo(200);
        assertThat(disclosures.body()).doesNotContain(PROVIDER_A, "CARE_PROVIDER")
                .contains(CORPORATION_A, "another organisation");
        // The municipality's auditor sees who read.
        assertThat(get("/api/v1/clients/" + a + "/disclosures", TestTokens.token(MUNICIPALITY_A, "MUNICIPALITY", "AUDITOR"),
                "audit-decision-history").body()).contains(PROVIDER_A, "CARE_PROVIDER");
    }
}
