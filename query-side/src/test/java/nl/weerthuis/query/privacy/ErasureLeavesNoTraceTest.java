package nl.weerthuis.query.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The right to erasure end to end: a client's journey through the real command API (its own process on the
 * shared database), read by the query side; then {@code DELETE .../personal-data}. Afterwards no table or column
 * of the event store or the read store (text and bytea alike) holds the client's name, BSN, date of birth,
 * contact, address or any free text; the anonymous decision trail and the monitor figures are the same, also
 * after a full replay of every projection; another client's texts are untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class ErasureLeavesNoTraceTest {

    static final String CORPORATION = "11111111", PROVIDER = "33333333";

    @Autowired
    TestRestTemplate query;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String region = "Erasure-" + run;
    private final String municipality = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");
    private final String corporation = TestTokens.token(CORPORATION, "HOUSING_CORPORATION", "CASEWORKER");
    private final String provider = TestTokens.token(PROVIDER, "CARE_PROVIDER", "CASEWORKER");
    private final String auditor = TestTokens.token("00000001009876543000", "SUPERVISOR", "AUDITOR");
    private String commandSide;
    /** The clients and tenancies the journeys made: the scopes their deadlines are scheduled in. */
    private final List<String> aggregates = new ArrayList<>();

    /** What must be gone: every personal text of the erased client, each unique to this run. */
    private final Map<String, String> secrets = Map.of(
            "name", "Johanna Zwartkop " + run,
            "contact", "johanna." + run + "@example.org",
            "address", "Wilgenlaan " + run,
            "wishes", "close to my daughter " + run,
            "signal", "neighbours report shouting " + run,
            "notes", "discussed the shouting " + run,
            "agreements", "weekly visit by the coach " + run,
            "grounds", "shouting continues after the talk " + run);
    private static final String BSN = "111222333";
    private static final String BIRTH = "1971-04-09";

    @Test
    void after_erasure_no_trace_is_left_and_the_anonymous_trail_and_figures_remain() throws Exception {
        try (CommandSideProcess process = CommandSideProcess.start("weerthuis_query_command", "weerthuis_query_events")) {
            commandSide = process.baseUrl();
            String erased = journey(secrets, """
                    ,"personalDetails":{"name":"%s","bsn":"%s","dateOfBirth":"%s","contact":"%s"}"""
                    .formatted(secrets.get("name"), BSN, BIRTH, secrets.get("contact")));
            String keptNote = "the other client's own story " + run;
            String kept = journey(Map.of("address", "Eikenlaan " + run, "wishes", "quiet street", "signal", keptNote,
                    "notes", "talked", "agreements", "monthly visit", "grounds", "no change"), "");

            await().atMost(Duration.ofSeconds(30)).until(() -> descriptionIn(fileOf(erased)).equals(secrets.get("signal"))
                    && descriptionIn(fileOf(kept)).equals(keptNote) && history(erased).toString().contains(secrets.get("grounds")));
            awaitOverdueDeadlinesFired(erased);
            assertThat(tracesOf(List.of(region))).as("the scan finds what is stored plain, in bytea and in text")
                    .anyMatch(trace -> trace.startsWith("domain_event_entry.payload"))
                    .anyMatch(trace -> trace.startsWith("monitor_"));
            List<String> atRest = tracesOf(secrets.values());
            assertThat(atRest).as("personal data is never stored in plaintext, not even before erasure").isEmpty();
            JsonNode figuresBefore = settledFigures();
            List<JsonNode> trailBefore = anonymousTrail(erased);

            assertThat(delete("/api/v1/clients/" + erased + "/personal-data?ground=CLIENT_REQUEST")).isEqualTo(204);

            await().atMost(Duration.ofSeconds(60)).until(() -> descriptionIn(fileOf(erased)).equals("")
                    && !history(erased).toString().contains(secrets.get("grounds")));
            assertThat(history(erased).toString()).contains("[erased]").contains("PersonalDataErasedEvent");
            assertThat(agreementsOf(erased)).isEqualTo("[erased]");
            assertThat(anonymousTrail(erased)).as("types, dates, organisations, rule versions")
                    .startsWith(trailBefore.toArray(JsonNode[]::new)).hasSize(trailBefore.size() + 1);
            assertThat(settledFigures()).isEqualTo(figuresBefore);
            assertNoTraceOf(erased);

            for (String projection : List.of("monitor", "history", "client-file")) {
                rebuild(projection);
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> descriptionIn(fileOf(kept)).equals(keptNote));
            assertThat(settledFigures()).as("a full replay gives the same figures").isEqualTo(figuresBefore);
            assertThat(descriptionIn(fileOf(erased))).isEmpty();
            assertThat(agreementsOf(erased)).isEqualTo("[erased]");
            assertThat(anonymousTrail(erased)).hasSize(trailBefore.size() + 1);
            assertNoTraceOf(erased);
        }
    }

    /**
     * The journeys' dates lie in 2025, so the reviews and the flip term due before today fire a settling period after
     * the move-in (how many depends on today's date): the trail and the figures compared across the erasure are taken
     * once every one of them is on record, not while they are still arriving. A one-time task leaves db-scheduler's
     * table when its deadline handler has committed; what is left for these aggregates lies months ahead.
     */
    private void awaitOverdueDeadlinesFired(String client) {
        String sql = "SELECT count(*) FROM weerthuis_query_command.scheduled_tasks WHERE execution_time < now() + interval '1 day' AND ("
                + String.join(" OR ", Collections.nCopies(aggregates.size(), "position(convert_to(?, 'UTF8') in task_data) > 0"))
                + ")";
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(sql, Long.class, aggregates.toArray()) == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> history(client).toString().contains("MonitoringReviewDueEvent"));
    }

    private void assertNoTraceOf(String erased) {
        List<String> needles = new ArrayList<>(secrets.values());
        needles.add(BSN);
        needles.add(BIRTH);
        assertThat(tracesOf(needles)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key WHERE subject_id = ? AND wrapped_key IS NULL "
                + "AND erased_at IS NOT NULL", Long.class, erased)).as("the key is gone, its tombstone stays").isOne();
    }

    /**
     * Every column of every table of the three owners here — the event store, the command side's own tables and the
     * read store: text compared as text, bytea searched for the UTF-8 bytes, anything else cast to text.
     */
    private List<String> tracesOf(Iterable<String> needles) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT c.table_schema, c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema IN ('weerthuis_query', 'weerthuis_query_events', 'weerthuis_query_command')
                  AND t.table_type = 'BASE TABLE'""");
        assertThat(columns).extracting(column -> column.get("table_schema")).contains("weerthuis_query",
                "weerthuis_query_events", "weerthuis_query_command");
        assertThat(columns).hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String where = "bytea".equals(column.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in \"%s\") > 0"
                    : "strpos(CAST(\"%s\" AS text), ?) > 0";
            String sql = "SELECT count(*) FROM \"%s\".\"%s\" WHERE ".formatted(column.get("table_schema"), column.get("table_name"))
                    + where.formatted(column.get("column_name"));
            for (String needle : needles) {
                Long hits = jdbc.queryForObject(sql, Long.class, needle);
                if (hits != null && hits > 0) {
                    found.add(column.get("table_name") + "." + column.get("column_name") + " holds \"" + needle + "\"");
                }
            }
        }
        return found;
    }

    private String journey(Map<String, String> texts, String personalDetails) throws Exception {
        String client = post(municipality, "/api/v1/clients", """
                {"setting":"PROTECTED_HOUSING","facility":"RIBW","region":"%s","municipality":"Almelo","careProvider":"%s",
                 "registeredOn":"2025-01-02"%s}""".formatted(region, PROVIDER, personalDetails)).get("clientId").asText();
        post(municipality, "/api/v1/clients/" + client + "/outflow-trajectory", "{\"startedOn\":\"2025-01-10\"}");
        post(municipality, "/api/v1/clients/" + client + "/arrangement-checklist", """
                {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":true,"support":true,
                 "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"2025-01-10"}""");
        post(provider, "/api/v1/clients/" + client + "/housing-wishes",
                "{\"wishes\":\"%s\",\"recordedOn\":\"2025-01-12\"}".formatted(texts.get("wishes")));
        post(municipality, "/api/v1/clients/" + client + "/housing-requests",
                "{\"corporation\":\"" + CORPORATION + "\",\"requestedOn\":\"2025-01-20\"}");
        String tenancy = post(corporation, "/api/v1/tenancies", """
                {"clientId":"%s","careProvider":"%s","leaseForm":"TRIPARTITE","fromQuota":false,"offeredOn":"2025-02-01",
                 "dwelling":{"address":"%s","municipality":"Almelo","neighbourhood":"Centrum"}}"""
                .formatted(client, PROVIDER, texts.get("address"))).get("tenancyId").asText();
        aggregates.add(client);
        aggregates.add(tenancy);
        post(municipality, "/api/v1/tenancies/" + tenancy + "/acceptance", "{\"on\":\"2025-02-05\"}");
        post(corporation, "/api/v1/tenancies/" + tenancy + "/contract", "{\"on\":\"2025-02-10\"}");
        post(corporation, "/api/v1/tenancies/" + tenancy + "/move-in", "{\"on\":\"2025-02-15\"}");
        post(municipality, "/api/v1/tenancies/" + tenancy + "/agreements",
                "{\"agreements\":\"%s\",\"recordedOn\":\"2025-02-15\"}".formatted(texts.get("agreements")));
        String signal = post(provider, "/api/v1/tenancies/" + tenancy + "/signals", """
                {"kind":"NUISANCE","severity":"MEDIUM","description":"%s","raisedOn":"2025-03-01"}"""
                .formatted(texts.get("signal"))).get("signalId").asText();
        post(provider, "/api/v1/tenancies/" + tenancy + "/signals/" + signal + "/acknowledgement", "{\"on\":\"2025-03-02\"}");
        post(provider, "/api/v1/tenancies/" + tenancy + "/signals/" + signal + "/discussion",
                "{\"on\":\"2025-03-05\",\"notes\":\"%s\"}".formatted(texts.get("notes")));
        post(provider, "/api/v1/tenancies/" + tenancy + "/signals/" + signal + "/escalation",
                "{\"target\":\"THREE_PARTY_MEETING\",\"on\":\"2025-03-10\",\"grounds\":\"%s\"}".formatted(texts.get("grounds")));
        return client;
    }

    private JsonNode post(String token, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(commandSide + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isBetween(200, 299);
        return response.body().isBlank() ? null : json.readTree(response.body());
    }

    private int delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(commandSide + path))
                .header("Authorization", "Bearer " + TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode get(String path, String token, String activity) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        if (activity != null) {
            headers.set("X-Processing-Activity", activity);
        }
        String body = query.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
        return body == null ? json.createObjectNode() : json.readTree(body);
    }

    private JsonNode fileOf(String client) throws Exception {
        return get("/api/v1/clients/" + client + "/file", provider, "journey-coordination");
    }

    private static String descriptionIn(JsonNode file) {
        JsonNode signals = file.path("tenancies").path(0).path("signals");
        return signals.isEmpty() ? "-" : signals.get(0).path("description").asText("");
    }

    private String agreementsOf(String client) throws Exception {
        return get("/api/v1/clients/" + client + "/agreements", TestTokens.clientToken(client), null)
                .path("agreements").path(0).path("agreements").asText();
    }

    private JsonNode history(String client) throws Exception {
        return get("/api/v1/clients/" + client + "/history", auditor, "audit-decision-history");
    }

    /** Each entry of the history without its free text: what must survive erasure unchanged. */
    private List<JsonNode> anonymousTrail(String client) throws Exception {
        List<JsonNode> trail = new ArrayList<>();
        for (JsonNode entry : history(client).path("entries")) {
            ObjectNode anonymous = entry.deepCopy();
            anonymous.remove("grounds");
            trail.add(anonymous);
        }
        return trail;
    }

    private JsonNode settledFigures() {
        JsonNode[] last = {null};
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode now = get("/api/v1/monitor/outflow?region=" + region + "&from=2025-01-01&to=2025-12-31",
                    TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"), null);
            boolean same = now.equals(last[0]) && now.path("groups").size() > 0;
            last[0] = now;
            return same;
        });
        return last[0];
    }

    private void rebuild(String projection) throws Exception {
        String admin = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(admin);
        assertThat(query.exchange("/api/v1/admin/projections/" + projection + "/rebuild", HttpMethod.POST,
                new HttpEntity<>(headers), String.class).getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode progress = get("/api/v1/admin/projections/" + projection, admin, null);
            // Done when the new generation serves (until then the live figures are the old generation's).
            return !progress.path("rebuilding").asBoolean() && progress.path("caughtUp").asBoolean()
                    && progress.path("position").asLong() >= progress.path("head").asLong();
        });
    }
}
