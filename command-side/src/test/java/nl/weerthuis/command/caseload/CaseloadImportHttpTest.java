package nl.weerthuis.command.caseload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A region's existing caseload, imported over HTTP against PostgreSQL with the persistent deadlines running: checked
 * first, recorded all or nothing, a dry run that records nothing, CSV and JSON alike — and afterwards, once the
 * overdue deadlines have settled and fired, every journey's events tell one story by business date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseloadImportHttpTest {

    private final nl.weerthuis.testsupport.OwnThreads threads = new nl.weerthuis.testsupport.OwnThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private final String region = "Import-" + UUID.randomUUID();
    private final String municipality = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");

    static final String HEADER = String.join(",", CaseloadRow.COLUMNS);

    /** A: flipped in term with two reviews held; B: housed, never flipped; C: not ready; D: offer refused. */
    static String caseload() {
        return HEADER + "\n"
                + "A-1,PROTECTED_HOUSING,RIBW,Harderwijk,87654321,2023-01-10,2023-02-01,2023-03-01,12345678,TRIPARTITE,"
                + "true,2023-04-01,Dorpsstraat 1,Harderwijk,Centrum,,,2023-04-05,2023-04-15,2023-05-01,"
                + "2023-11-01;2024-05-02,2024-05-15,,,,,,\n"
                + "B-1,SHELTER,De Brug,Harderwijk,87654321,2024-01-01,2024-02-01,2024-03-01,12345678,CARE_PROVIDER_LEASE,"
                + "false,2024-04-01,\"Kerkstraat 2, boven\",Ermelo,Oost,,,2024-04-03,2024-04-10,2024-05-01,,,,,,,,\n"
                + notReady("C-1")
                + "D-1,SHELTER,De Brug,Ermelo,87654321,2024-11-01,2025-01-01,2025-02-01,12345678,TRIPARTITE,true,2025-03-01,"
                + "Laan 3,Ermelo,Oost,2025-03-05,too far from work,,,,,,,,,,,\n";
    }

    /** C: registered, trajectory started, closed as not ready (three events, no tenancy). */
    static String notReady(String reference) {
        return reference + ",PROTECTED_HOUSING,RIBW,Ermelo,87654321,2024-06-01,2024-07-01,,,,,,,,,,,,,,,,,,,,2025-01-15,NOT_READY\n";
    }

    /** The regional agreement the imported journeys are decided under. */
    static String agreementOf(String region) {
        return """
                {"region":"%s","name":"Convenant","effectiveFrom":"2020-01-01","policy":{"offerDeadline":"P182D",
                 "flipMinimumTerm":"P6M","flipMaximumTerm":"P18M","reviewCadence":"P6M","reviewPeriod":"P24M",
                 "waakvlamFrequency":"P4W","waakvlamDuration":"P6M"}}""".formatted(region);
    }

    private void agreement() {
        post(municipality, "/api/v1/regional-agreements", MediaType.APPLICATION_JSON, agreementOf(region), "");
    }

    private ResponseEntity<String> post(String token, String path, MediaType type, String body, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        headers.setBearerAuth(token);
        return http.exchange(path + query, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> importCsv(String csv, boolean dryRun) {
        return post(municipality, "/api/v1/caseload-imports", MediaType.parseMediaType("text/csv"), csv,
                "?region=" + region + "&dryRun=" + dryRun);
    }

    private long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregateId);
    }

    /** The events of an aggregate in the order recorded: type and payload. */
    private List<JsonNode> events(String aggregateId) {
        List<JsonNode> events = new ArrayList<>();
        jdbc.query("SELECT payload_type, payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                row -> {
                    try {
                        JsonNode payload = json.readTree(new String(row.getBytes("payload"), StandardCharsets.UTF_8));
                        String type = row.getString("payload_type");
                        ((com.fasterxml.jackson.databind.node.ObjectNode) payload).put("@type", type.substring(type.lastIndexOf('.') + 1));
                        events.add(payload);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, aggregateId);
        return events;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("@type").asText()).toList();
    }

    @Test
    void a_dry_run_reports_per_row_and_records_nothing_and_csv_and_json_agree() throws Exception {
        agreement();
        ResponseEntity<String> dry = importCsv(caseload(), true);
        assertThat(dry.getStatusCode().value()).as(dry.getBody()).isEqualTo(200);
        JsonNode report = json.readTree(dry.getBody());
        assertThat(report.get("recorded").asBoolean()).isFalse();
        JsonNode rows = report.get("rows");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).get("events")).extracting(JsonNode::asText).containsSubsequence("ClientRegistered",
                "OutflowTrajectoryStarted", "DwellingOffered", "OfferAccepted", "TenancyStarted", "MovedIn",
                "OutflowRecorded", "MonitoringReviewRecorded", "ContractFlipped");
        assertThat(rows.get(3).get("events")).extracting(JsonNode::asText).contains("OfferRefused");
        assertThat(rows.get(2).get("events")).extracting(JsonNode::asText).contains("TrajectoryClosed");
        for (JsonNode row : rows) {
            assertThat(eventsOf(row.get("clientId").asText())).as("nothing recorded for " + row.get("reference")).isZero();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_data IS NOT NULL "
                    + "AND position(convert_to(?, 'UTF8') in task_data) > 0", Long.class, row.get("clientId").asText()))
                    .as("no deadline left behind").isZero();
        }

        // The same caseload as JSON journeys gives the same report.
        List<String> columns = CaseloadRow.COLUMNS;
        StringBuilder journeys = new StringBuilder();
        for (String line : caseload().split("\n")) {
            if (line.startsWith("reference")) {
                continue;
            }
            List<String> cells = csvCells(line);
            StringBuilder journey = new StringBuilder("{");
            for (int i = 0; i < columns.size(); i++) {
                String cell = i < cells.size() ? cells.get(i) : "";
                if (cell.isEmpty()) {
                    continue;
                }
                Object value = columns.get(i).equals("reviews") ? json.writeValueAsString(List.of(cell.split(";")))
                        : columns.get(i).equals("fromQuota") ? cell : json.writeValueAsString(cell);
                journey.append(journey.length() > 1 ? "," : "").append('"').append(columns.get(i)).append("\":").append(value);
            }
            journeys.append(journeys.length() > 0 ? "," : "").append(journey).append('}');
        }
        ResponseEntity<String> jsonDry = post(municipality, "/api/v1/caseload-imports", MediaType.APPLICATION_JSON,
                "{\"region\":\"" + region + "\",\"journeys\":[" + journeys + "]}", "?dryRun=true");
        assertThat(jsonDry.getStatusCode().value()).as(jsonDry.getBody()).isEqualTo(200);
        JsonNode jsonRows = json.readTree(jsonDry.getBody()).get("rows");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(jsonRows.get(i).get("events")).isEqualTo(rows.get(i).get("events"));
        }
    }

    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void one_invalid_row_records_nothing_of_the_batch() throws Exception {
        agreement();
        // E-1 lies about its order (moved in before the offer); F-1 flips before the agreement's minimum term, which
        // only the tenancy's rules know: both reported, and A-1..D-1 are not recorded either.
        String bad = caseload()
                + "E-1,SHELTER,De Brug,Ermelo,87654321,2024-01-01,2024-02-01,2024-03-01,12345678,TRIPARTITE,true,2024-04-01,"
                + "Laan 4,Ermelo,Oost,,,2024-04-02,2024-04-03,2024-03-15,,,,,,,,\n";
        ResponseEntity<String> refused = importCsv(bad, false);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("rule").asText()).isEqualTo("CASELOAD_INVALID");
        assertThat(problem.get("rows").get(0).get("reference").asText()).isEqualTo("E-1");
        assertThat(problem.get("rows").get(0).get("problems").get(0).get("field").asText()).isEqualTo("movedInOn");

        String early = caseload()
                + "F-1,SHELTER,De Brug,Ermelo,87654321,2024-01-01,2024-02-01,2024-03-01,12345678,TRIPARTITE,true,2024-04-01,"
                + "Laan 5,Ermelo,Oost,,,2024-04-02,2024-04-03,2024-04-15,,2024-06-01,,,,,,\n";
        ResponseEntity<String> tooEarly = importCsv(early, false);
        assertThat(tooEarly.getStatusCode().value()).as(tooEarly.getBody()).isEqualTo(422);
        JsonNode rows = json.readTree(tooEarly.getBody()).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("problems").get(0).get("reason").asText()).startsWith("FLIP_MINIMUM_TERM");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lookup_client WHERE region = ?", Long.class, region))
                .as("no client of the batch registered").isZero();
    }

    @Test
    void after_an_import_with_past_deadlines_every_journey_tells_one_story_by_business_date() throws Exception {
        agreement();
        ResponseEntity<String> imported = importCsv(caseload(), false);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
        JsonNode rows = json.readTree(imported.getBody()).get("rows");
        String clientA = rows.get(0).get("clientId").asText(), tenancyA = rows.get(0).get("tenancyId").asText();
        String clientB = rows.get(1).get("clientId").asText(), tenancyB = rows.get(1).get("tenancyId").asText();

        // B never flipped: once settled, the term is reached and then expires, and all four reviews fall due, in order.
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            assertThat(types(events(tenancyB))).containsSubsequence("FlipTermReachedEvent", "FlipTermExpiredEvent");
            assertThat(types(events(clientB)).stream().filter(t -> t.equals("MonitoringReviewDueEvent"))).hasSize(4);
        });
        List<LocalDate> due = events(clientB).stream().filter(e -> e.get("@type").asText().equals("MonitoringReviewDueEvent"))
                .map(e -> LocalDate.parse(e.get("dueOn").asText())).toList();
        assertThat(due).isSorted().containsExactly(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 11, 1), LocalDate.of(2026, 5, 1));
        // The journey process did its part after the commit: B's outflow once, not twice.
        assertThat(types(events(clientB)).stream().filter(t -> t.equals("OutflowRecordedEvent"))).hasSize(1);

        // A flipped inside the term and held its first two reviews: no expiry, no reached term after the flip, and
        // only reviews 3 and 4 (November 2024, May 2025) fall due.
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(types(events(clientA)).stream().filter(t -> t.equals("MonitoringReviewDueEvent"))).hasSize(2));
        assertThat(types(events(tenancyA))).doesNotContain("FlipTermExpiredEvent", "FlipTermReachedEvent").contains("ContractFlippedEvent");
        assertThat(events(clientA).stream().filter(e -> e.get("@type").asText().equals("MonitoringReviewDueEvent"))
                .map(e -> e.get("reviewNumber").asInt()).toList()).containsExactly(3, 4);
        // The import is on record: batch and row in every event's metadata.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND position('A-1' in convert_from(meta_data, 'UTF8')) > 0", Long.class, clientA)).isPositive();
    }

    @Test
    void an_import_lands_as_one_unbroken_run_of_the_store_while_other_commands_are_recorded_beside_it() throws Exception {
        agreement();
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < 300; i++) {
            csv.append(notReady("C-" + i));
        }
        // Another caseworker keeps registering clients for as long as the import runs.
        java.util.concurrent.atomic.AtomicBoolean importing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger besideTheImport = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch warm = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<Void> other = threads.run(() -> {
            while (importing.get()) {
                boolean during = warm.getCount() == 0;
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                headers.setBearerAuth(municipality);
                headers.set("Idempotency-Key", UUID.randomUUID().toString());
                ResponseEntity<String> registered = http.exchange("/api/v1/clients", HttpMethod.POST, new HttpEntity<>("""
                        {"setting":"SHELTER","facility":"MO","region":"%s","municipality":"Ermelo",
                         "careProvider":"87654321","registeredOn":"2026-01-05"}""".formatted(region), headers), String.class);
                assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
                if (during && importing.get()) {
                    besideTheImport.incrementAndGet();
                }
                warm.countDown();
            }
        });
        assertThat(warm.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        ResponseEntity<String> imported;
        try {
            imported = importCsv(csv.toString(), false);
        } finally {
            importing.set(false);
        }
        other.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
        assertThat(besideTheImport.get()).as("clients registered while the import ran").isPositive();

        // The import's own events: those its one transaction wrote (later deadlines come in transactions of their own).
        JsonNode rows = json.readTree(imported.getBody()).get("rows");
        int reported = 0;
        for (JsonNode row : rows) {
            reported += row.get("events").size();
        }
        String first = rows.get(0).get("clientId").asText();
        java.util.Map<String, Object> run = jdbc.queryForMap("""
                SELECT count(*) AS events, min(global_index) AS first, max(global_index) AS last FROM domain_event_entry
                WHERE xmin = (SELECT xmin FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0)""",
                first);
        assertThat((Long) run.get("events")).as("the events the report lists").isEqualTo((long) reported).isGreaterThanOrEqualTo(900);
        assertThat((Long) run.get("last") - (Long) run.get("first") + 1)
                .as("no other command's event among the import's: a reader passing them would skip the import's first")
                .isEqualTo((long) reported);
    }

    @Test
    void only_the_municipality_imports() {
        for (String token : new String[]{TestTokens.token(TestTokens.CORPORATION, "HOUSING_CORPORATION", "CASEWORKER"),
                TestTokens.token(TestTokens.CARE_PROVIDER, "CARE_PROVIDER", "CASEWORKER"),
                TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR")}) {
            assertThat(post(token, "/api/v1/caseload-imports", MediaType.parseMediaType("text/csv"), caseload(),
                    "?region=" + region + "&dryRun=true").getStatusCode().value()).isEqualTo(403);
        }
    }

    @Test
    void a_malformed_body_is_a_400_and_changes_nothing() {
        assertThat(post(municipality, "/api/v1/caseload-imports", MediaType.APPLICATION_JSON,
                "{\"region\":\"x\",\"journeys\":[{\"reference\":\"r\",\"fromQuota\":1}]}", "").getStatusCode().value())
                .isEqualTo(400);
        assertThat(post(municipality, "/api/v1/caseload-imports", MediaType.parseMediaType("text/csv"),
                "reference,setting\n\"unclosed,PROTECTED_HOUSING\n", "?region=x").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> unknown = post(municipality, "/api/v1/caseload-imports", MediaType.parseMediaType("text/csv"),
                "reference,name\nr1,Jan\n", "?region=x&dryRun=true");
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getBody()).contains("not a column of the template");
    }
}
