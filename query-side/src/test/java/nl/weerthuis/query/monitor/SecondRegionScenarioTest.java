package nl.weerthuis.query.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.CommandSideProcess;
import nl.weerthuis.testsupport.IdentityProviderProcess;
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

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Noord-Veluwe, a region of its own: twelve journeys (src/test/resources/scenario/noord-veluwe.csv, the CSV template
 * a coordination point fills in) recorded twice against a real command side — once step by step through the command
 * API, once with {@code ./weerthuis import} — and the monitor's figures of both checked against the values computed
 * by hand with the spreadsheet definitions (noord-veluwe-expected.csv, with the computation beside each value), and
 * against each other: identical.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class SecondRegionScenarioTest {

    static final Path CASELOAD = Path.of("src/test/resources/scenario/noord-veluwe.csv");
    static final Path EXPECTED = Path.of("src/test/resources/scenario/noord-veluwe-expected.csv");
    static final String C1 = "11111111", C2 = "22222222", P1 = "33333333";

    @Autowired
    TestRestTemplate query;
    @Autowired
    ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String viaApi = "Noord-Veluwe-api-" + run;
    private final String viaImport = "Noord-Veluwe-import-" + run;
    private final String municipality = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");
    private final String provider = TestTokens.token(P1, "CARE_PROVIDER", "CASEWORKER");
    private String commandSide;

    private HttpResponse<String> send(String token, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(commandSide + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode post(String token, String path, String body) throws Exception {
        HttpResponse<String> response = send(token, path, body);
        assertThat(response.statusCode()).as(path + " " + body + " -> " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? null : json.readTree(response.body());
    }

    private void agreement(String region) throws Exception {
        String id = post(municipality, "/api/v1/regional-agreements", """
                {"region":"%s","name":"Regionaal kompas","effectiveFrom":"2025-01-01","policy":{"offerDeadline":"P182D",
                 "flipMinimumTerm":"P6M","flipMaximumTerm":"P18M","reviewCadence":"P6M","reviewPeriod":"P24M",
                 "waakvlamFrequency":"P4W","waakvlamDuration":"P6M"}}""".formatted(region)).get("agreementId").asText();
        post(municipality, "/api/v1/regional-agreements/" + id + "/quotas", "{\"corporation\":\"" + C1 + "\",\"year\":2025,\"dwellings\":10}");
        post(municipality, "/api/v1/regional-agreements/" + id + "/targets", "{\"outflows\":30,\"targetDate\":\"2027-12-31\"}");
    }

    private static List<Map<String, String>> rows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < cells.length ? cells[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** One journey of the CSV, step by step through the command API, by the organisation that takes each step. */
    private void throughTheApi(Map<String, String> row) throws Exception {
        String client = post(municipality, "/api/v1/clients", """
                {"setting":"%s","facility":"%s","region":"%s","municipality":"%s","careProvider":"%s","registeredOn":"%s"}"""
                .formatted(row.get("setting"), row.get("facility"), viaApi, row.get("municipality"), row.get("careProvider"),
                        row.get("registeredOn"))).get("clientId").asText();
        post(municipality, "/api/v1/clients/" + client + "/outflow-trajectory", "{\"startedOn\":\"" + row.get("trajectoryStartedOn") + "\"}");
        if (!row.get("arrangementsInPlaceOn").isEmpty()) {
            post(municipality, "/api/v1/clients/" + client + "/arrangement-checklist", """
                    {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                     "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"%s"}""".formatted(row.get("arrangementsInPlaceOn")));
        }
        if (!row.get("offeredOn").isEmpty()) {
            String corporation = TestTokens.token(row.get("corporation"), "HOUSING_CORPORATION", "CASEWORKER");
            post(municipality, "/api/v1/clients/" + client + "/housing-requests", "{\"corporation\":\"%s\",\"requestedOn\":\"%s\"}"
                    .formatted(row.get("corporation"), row.get("offeredOn")));
            String tenancy = post(corporation, "/api/v1/tenancies", """
                    {"clientId":"%s","careProvider":"%s","leaseForm":"%s","fromQuota":%s,"offeredOn":"%s",
                     "dwelling":{"address":"%s","municipality":"%s","neighbourhood":"%s"}}""".formatted(client,
                    row.get("careProvider"), row.get("leaseForm"), row.get("fromQuota"), row.get("offeredOn"),
                    row.get("dwellingAddress"), row.get("dwellingMunicipality"), row.get("neighbourhood"))).get("tenancyId").asText();
            String path = "/api/v1/tenancies/" + tenancy;
            if (!row.get("refusedOn").isEmpty()) {
                post(municipality, path + "/refusal", "{\"on\":\"%s\",\"grounds\":\"%s\"}".formatted(row.get("refusedOn"), row.get("refusalGrounds")));
            } else {
                post(municipality, path + "/acceptance", "{\"on\":\"" + row.get("acceptedOn") + "\"}");
                post(corporation, path + "/contract", "{\"on\":\"" + row.get("tenancyStartsOn") + "\"}");
                post(corporation, path + "/move-in", "{\"on\":\"" + row.get("movedInOn") + "\"}");
                if (!row.get("flippedOn").isEmpty()) {
                    String on = "{\"on\":\"" + row.get("flippedOn") + "\"}";
                    post(corporation, path + "/flip-approvals", on);
                    post(provider, path + "/flip-approvals", on);
                    post(municipality, path + "/flip-approvals", on);
                    post(corporation, path + "/flip", "{\"on\":\"%s\",\"grounds\":\"all well\"}".formatted(row.get("flippedOn")));
                }
                if (!row.get("endedOn").isEmpty()) {
                    post(corporation, path + "/end", "{\"reason\":\"%s\",\"endedOn\":\"%s\",\"grounds\":\"x\"}"
                            .formatted(row.get("endReason"), row.get("endedOn")));
                }
                if (!row.get("returnedToCareOn").isEmpty()) {
                    // The journey process records the outflow on the client after the move-in; poll until it has.
                    String body = "{\"setting\":\"%s\",\"returnedOn\":\"%s\",\"grounds\":\"terugval\"}"
                            .formatted(row.get("returnSetting"), row.get("returnedToCareOn"));
                    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                            .until(() -> send(municipality, "/api/v1/clients/" + client + "/return-to-care", body).statusCode() == 204);
                }
            }
        }
        if (!row.get("trajectoryClosedOn").isEmpty()) {
            post(municipality, "/api/v1/clients/" + client + "/trajectory-closure", "{\"reason\":\"%s\",\"closedOn\":\"%s\",\"grounds\":\"x\"}"
                    .formatted(row.get("closureReason"), row.get("trajectoryClosedOn")));
        }
    }

    private void throughTheLauncher(String region) throws Exception {
        Path data = Files.createTempDirectory("weerthuis-import");
        ProcessBuilder launcher = new ProcessBuilder("bash", "../weerthuis", "import", CASELOAD.toString(), "--region", region)
                .redirectErrorStream(true);
        launcher.environment().put("WEERTHUIS_COMMAND_PORT", String.valueOf(URI.create(commandSide).getPort()));
        // The launcher gets its token from the issuer, as ./weerthuis token does: the test identity provider.
        launcher.environment().put("WEERTHUIS_IDENTITY_URL", TestTokens.ISSUER);
        launcher.environment().put("WEERTHUIS_LAUNCHER_CLIENT_SECRET", IdentityProviderProcess.LAUNCHER_SECRET);
        launcher.environment().put("WEERTHUIS_DATA_DIR", data.toString());
        String output;
        try (IdentityProviderProcess issuer = IdentityProviderProcess.start("http://127.0.0.1:" + URI.create(commandSide).getPort())) {
            Process process = launcher.start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
        }
        assertThat(output).contains("imported", "\"recorded\":true");
    }

    private JsonNode figures(String region) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"));
        return json.readTree(query.exchange("/api/v1/monitor/outflow?region=" + region + "&from=2025-01-01&to=2025-12-31",
                HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody()).get("groups").get(0).get("figures");
    }

    /** figure, value and the hand computation beside it (which may hold commas: it is the rest of the line). */
    private static List<String[]> expected() throws Exception {
        List<String> lines = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().map(line -> line.split(",", 3)).toList();
    }

    private static void assertHandComputed(JsonNode f, List<String[]> expected) {
        for (String[] e : expected) {
            JsonNode value = f.get(e[0]);
            assertThat(value).as(e[0]).isNotNull();
            assertThat(value.decimalValue()).as(e[0] + ": " + (e.length > 2 ? e[2] : ""))
                    .isEqualByComparingTo(new BigDecimal(e[1]));
        }
    }

    @Test
    void the_same_caseload_through_the_api_and_through_the_import_gives_the_hand_computed_figures() throws Exception {
        List<Map<String, String>> journeys = rows(CASELOAD);
        List<String[]> expected = expected();
        try (CommandSideProcess process = CommandSideProcess.start("weerthuis_query_command", "weerthuis_query_events")) {
            commandSide = process.baseUrl();
            agreement(viaApi);
            for (Map<String, String> journey : journeys) {
                throughTheApi(journey);
            }
            agreement(viaImport);
            throughTheLauncher(viaImport);

            // Every segment catches up on its own; tenancies ended by the journey process come last.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertHandComputed(figures(viaApi), expected);
                assertHandComputed(figures(viaImport), expected);
            });
        }
        JsonNode api = figures(viaApi);
        JsonNode imported = figures(viaImport);
        assertThat(imported).as("through the import as through the API").isEqualTo(api);
    }
}
