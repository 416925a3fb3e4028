package nl.weerthuis.command.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.weerthuis.command.CommandSideApplication;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile-input probe over every field of every command endpoint: wrong types, values out of bounds, control
 * characters, lone surrogates, duplicate and unknown keys, broken and huge bodies, odd paths. Every such request is
 * refused with problem+json (400, or 413 for a huge body), none gets a 5xx, and none leaves an event behind. Each
 * endpoint's untouched body is sent too and must not be refused as input, so every refusal is the mutation's doing.
 */
class HostileInputProbeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PERSON = "hostile-" + UUID.randomUUID();
    private static final Set<String> FREE_TEXT = Set.of("grounds", "notes", "description", "wishes", "accessibilityNeeds",
            "outcome", "agreements", "waakvlamDeclinedGrounds");
    private static final String FUTURE = nl.weerthuis.kernel.BusinessCalendar.today().plusDays(30).toString();

    record Endpoint(String method, String path, String organisationType, String body, Set<String> planned) {
    }

    private static final String ID = UUID.randomUUID().toString();
    private static final String POLICY = """
            {"offerDeadline":"P6M","flipMinimumTerm":"P12M","flipMaximumTerm":"P36M","reviewCadence":"P6M",
             "reviewPeriod":"P24M","waakvlamFrequency":"P4W","waakvlamDuration":"P6M"}""";

    private static final List<Endpoint> ENDPOINTS = List.of(
            post("/api/v1/clients", "MUNICIPALITY", """
                    {"setting":"SHELTER","facility":"De Brug","region":"Probe","municipality":"Almelo","careProvider":"87654321",
                     "registeredOn":"2026-01-15","personalDetails":{"name":"Jan Jansen","bsn":"111222333",
                     "dateOfBirth":"1980-05-01","contact":"06 12345678"}}"""),
            post("/api/v1/clients/" + ID + "/outflow-trajectory", "MUNICIPALITY", "{\"startedOn\":\"2026-01-20\"}"),
            post("/api/v1/clients/" + ID + "/trajectory-closure", "MUNICIPALITY",
                    "{\"reason\":\"WITHDRAWN\",\"closedOn\":\"2026-02-01\",\"grounds\":\"client withdrew\"}"),
            post("/api/v1/clients/" + ID + "/consents", "MUNICIPALITY",
                    "{\"receivingOrganisation\":\"12345678\",\"purpose\":\"goed-huurderschap\",\"on\":\"2026-01-20\"}"),
            post("/api/v1/clients/" + ID + "/consent-withdrawals", "MUNICIPALITY",
                    "{\"receivingOrganisation\":\"12345678\",\"purpose\":\"goed-huurderschap\",\"on\":\"2026-01-20\"}"),
            post("/api/v1/clients/" + ID + "/case-coordination", "MUNICIPALITY",
                    "{\"organisation\":\"12345678\",\"organisationType\":\"NEIGHBOURHOOD_TEAM\",\"assignedOn\":\"2026-01-20\"}"),
            post("/api/v1/clients/" + ID + "/housing-requests", "MUNICIPALITY",
                    "{\"corporation\":\"12345678\",\"requestedOn\":\"2026-01-20\"}"),
            post("/api/v1/clients/" + ID + "/housing-request-withdrawals", "MUNICIPALITY",
                    "{\"corporation\":\"12345678\",\"withdrawnOn\":\"2026-01-20\"}"),
            post("/api/v1/clients/" + ID + "/arrangement-checklist", "MUNICIPALITY", """
                    {"checklist":{"budgetManagement":true,"debtHelp":true,"dayActivity":false,"support":true,
                     "incomeFromMoveDate":true,"debtsStabilised":true},"updatedOn":"2026-01-20"}"""),
            post("/api/v1/clients/" + ID + "/housing-wishes", "MUNICIPALITY",
                    "{\"wishes\":\"near family\",\"accessibilityNeeds\":\"ground floor\",\"recordedOn\":\"2026-01-20\"}"),
            post("/api/v1/clients/" + ID + "/monitoring-reviews", "MUNICIPALITY",
                    "{\"reviewedOn\":\"2026-06-01\",\"outcome\":\"going well\"}"),
            post("/api/v1/clients/" + ID + "/return-to-care", "MUNICIPALITY",
                    "{\"setting\":\"SHELTER\",\"returnedOn\":\"2026-06-01\",\"grounds\":\"relapse\"}"),
            post("/api/v1/tenancies", "HOUSING_CORPORATION", """
                    {"clientId":"%s","careProvider":"87654321","leaseForm":"TRIPARTITE","dwelling":{"address":"Straat 1",
                     "municipality":"Almelo","neighbourhood":"Centrum"},"fromQuota":true,"offeredOn":"2026-02-01"}""".formatted(ID)),
            post("/api/v1/tenancies/" + ID + "/acceptance", "MUNICIPALITY", "{\"on\":\"2026-02-02\"}"),
            post("/api/v1/tenancies/" + ID + "/refusal", "MUNICIPALITY", "{\"on\":\"2026-02-02\",\"grounds\":\"too far\"}"),
            post("/api/v1/tenancies/" + ID + "/contract", "HOUSING_CORPORATION", "{\"on\":\"2026-02-03\"}"),
            post("/api/v1/tenancies/" + ID + "/agreements", "MUNICIPALITY",
                    "{\"agreements\":\"pay the rent\",\"recordedOn\":\"2026-02-03\"}"),
            post("/api/v1/tenancies/" + ID + "/move-in", "HOUSING_CORPORATION", "{\"on\":\"2026-02-04\"}"),
            post("/api/v1/tenancies/" + ID + "/signals", "MUNICIPALITY",
                    "{\"kind\":\"NUISANCE\",\"severity\":\"HIGH\",\"description\":\"noise\",\"raisedOn\":\"2026-03-01\"}"),
            post("/api/v1/tenancies/" + ID + "/signals/s1/acknowledgement", "MUNICIPALITY", "{\"on\":\"2026-03-02\"}"),
            post("/api/v1/tenancies/" + ID + "/signals/s1/discussion", "MUNICIPALITY",
                    "{\"on\":\"2026-03-02\",\"notes\":\"talked\"}"),
            post("/api/v1/tenancies/" + ID + "/signals/s1/escalation", "MUNICIPALITY",
                    "{\"target\":\"THREE_PARTY_MEETING\",\"on\":\"2026-03-02\",\"grounds\":\"again\"}"),
            post("/api/v1/tenancies/" + ID + "/signals/s1/resolution", "MUNICIPALITY",
                    "{\"on\":\"2026-03-03\",\"notes\":\"quiet now\"}"),
            post("/api/v1/tenancies/" + ID + "/flip-schedule", "MUNICIPALITY", "{\"on\":\"" + FUTURE + "\"}", "on"),
            post("/api/v1/tenancies/" + ID + "/flip-approvals", "MUNICIPALITY", "{\"on\":\"2026-03-03\"}"),
            post("/api/v1/tenancies/" + ID + "/signal-override", "MUNICIPALITY", "{\"on\":\"2026-03-03\",\"grounds\":\"plan\"}"),
            post("/api/v1/tenancies/" + ID + "/flip", "HOUSING_CORPORATION", "{\"on\":\"2026-03-03\",\"grounds\":\"done\"}"),
            post("/api/v1/tenancies/" + ID + "/end", "MUNICIPALITY",
                    "{\"reason\":\"MOVED\",\"endedOn\":\"2026-03-03\",\"grounds\":\"moved\"}"),
            post("/api/v1/care-indications", "MUNICIPALITY", """
                    {"clientId":"%s","type":"SUPPORTED_LIVING","hoursPerWeek":4.5,"provider":"87654321","region":"Probe",
                     "validFrom":"2026-01-01","validUntil":"2027-12-31"}""".formatted(ID), "validFrom", "validUntil"),
            post("/api/v1/care-indications/" + ID + "/scaling", "MUNICIPALITY",
                    "{\"hoursPerWeek\":6.5,\"scaledOn\":\"2026-03-01\",\"grounds\":\"more support\"}"),
            post("/api/v1/care-indications/" + ID + "/extension", "MUNICIPALITY",
                    "{\"validUntil\":\"2028-01-01\",\"grounds\":\"still needed\"}", "validUntil"),
            post("/api/v1/care-indications/" + ID + "/end", "MUNICIPALITY", """
                    {"reason":"CAN_LIVE_INDEPENDENTLY","endedOn":"2026-03-01","grounds":"well",
                     "waakvlamDeclinedGrounds":"declined"}"""),
            post("/api/v1/care-indications/" + ID + "/waakvlam-contacts", "NEIGHBOURHOOD_TEAM",
                    "{\"contactOn\":\"2026-03-01\",\"notes\":\"fine\"}"),
            post("/api/v1/care-indications/" + ID + "/waakvlam-end", "NEIGHBOURHOOD_TEAM",
                    "{\"reason\":\"ENDED_BY_AGREEMENT\",\"endedOn\":\"2026-03-01\",\"grounds\":\"agreed\"}"),
            post("/api/v1/regional-agreements", "MUNICIPALITY",
                    "{\"region\":\"Probe\",\"name\":\"Convenant\",\"effectiveFrom\":\"2026-01-01\",\"policy\":" + POLICY + "}",
                    "effectiveFrom"),
            post("/api/v1/regional-agreements/" + ID + "/amendments", "MUNICIPALITY",
                    "{\"effectiveFrom\":\"2027-01-01\",\"policy\":" + POLICY + ",\"grounds\":\"new coalition\"}", "effectiveFrom"),
            post("/api/v1/regional-agreements/" + ID + "/quotas", "MUNICIPALITY",
                    "{\"corporation\":\"12345678\",\"year\":2026,\"dwellings\":10}"),
            post("/api/v1/regional-agreements/" + ID + "/targets", "MUNICIPALITY",
                    "{\"outflows\":50,\"targetDate\":\"2028-12-31\"}", "targetDate"),
            // The organisation register: the operator's ADMIN (the test municipality) keeps it.
            post("/api/v1/organisations", "MUNICIPALITY",
                    "{\"organisationId\":\"12345678\",\"name\":\"Woonstichting\",\"type\":\"HOUSING_CORPORATION\","
                            + "\"regions\":[\"Twente\"]}"),
            post("/api/v1/organisations/12345678/name", "MUNICIPALITY", "{\"name\":\"Woonstichting\"}"),
            post("/api/v1/organisations/12345678/type", "MUNICIPALITY", "{\"type\":\"HOUSING_CORPORATION\"}"),
            post("/api/v1/organisations/12345678/regions", "MUNICIPALITY", "{\"regions\":[\"Twente\"]}"));

    private static ConfigurableApplicationContext context;
    private static String baseUrl;
    private static JdbcTemplate jdbc;

    private static Endpoint post(String path, String organisationType, String body, String... planned) {
        return new Endpoint("POST", path, organisationType, body, Set.of(planned));
    }

    @BeforeAll
    static void start() {
        System.setProperty("axoniq.update-checker.disabled", "true");
        context = new SpringApplicationBuilder(CommandSideApplication.class).profiles("test").run("--server.port=0", "--spring.datasource.hikari.maximum-pool-size=5");
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void every_hostile_value_in_every_field_of_every_endpoint_is_refused_as_problem_json_and_records_nothing()
            throws Exception {
        List<String> failures = new ArrayList<>();
        int probes = 0;
        for (Endpoint endpoint : ENDPOINTS) {
            HttpResponse<String> untouched = send(endpoint, endpoint.body(), "baseline-" + UUID.randomUUID());
            if (untouched.statusCode() == 400 || untouched.statusCode() >= 500) {
                failures.add("untouched body refused: " + endpoint.path() + " -> " + untouched.statusCode() + " " + untouched.body());
            }
            for (Map.Entry<String, String> hostile : hostileBodies(endpoint).entrySet()) {
                probes++;
                HttpResponse<String> response = send(endpoint, hostile.getValue(), PERSON);
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                boolean refused = response.statusCode() == 400 || response.statusCode() == 413;
                if (!refused || !contentType.startsWith("application/problem+json")) {
                    failures.add(endpoint.path() + " " + hostile.getKey() + " -> " + response.statusCode() + " "
                            + contentType + " " + abbreviate(response.body()));
                } else if (response.statusCode() == 400 && hostile.getKey().startsWith("field ")
                        && !response.body().contains("\"name\":\"" + hostile.getKey().split(" ")[1])) {
                    failures.add(endpoint.path() + " " + hostile.getKey() + " refused without naming the field: "
                            + abbreviate(response.body()));
                }
            }
        }
        assertThat(failures).as(probes + " probes").isEmpty();
        assertThat(probes).isGreaterThan(1500);
        assertThat(eventsBy(PERSON)).as("events from refused requests").isZero();
    }

    @Test
    void every_field_error_of_a_body_is_listed_at_once() throws Exception {
        HttpResponse<String> response = send(ENDPOINTS.get(0), """
                {"setting":"shelter","facility":"a\\u0000b","region":7,"municipality":"Almelo","careProvider":"87654321",
                 "registeredOn":"+999999999-12-31","extra":true}""", PERSON);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode names = JSON.readTree(response.body()).get("invalidParams");
        List<String> fields = new ArrayList<>();
        names.forEach(n -> fields.add(n.get("name").asText()));
        assertThat(fields).containsExactlyInAnyOrder("setting", "facility", "region", "registeredOn", "extra");
    }

    @Test
    void odd_paths_and_parameters_are_refused_as_problem_json_never_by_tomcat_or_with_a_5xx() throws Exception {
        String token = TestTokens.tokenFor(PERSON, TestTokens.MUNICIPALITY, "MUNICIPALITY", "CASEWORKER", "ADMIN");
        List<String> paths = List.of("/api/v1/clients/%00/outflow-trajectory", "/api/v1/clients/a%2Fb/outflow-trajectory",
                "/api/v1/clients/%2e%2e/outflow-trajectory", "/api/v1/clients/..%3B/outflow-trajectory",
                "/api/v1/clients/a;b=c/outflow-trajectory", "/api/v1/clients/%25ZZ/outflow-trajectory",
                "/api/v1/clients/%C0%80/outflow-trajectory", "/api/v1/clients/%E2%80%AE/outflow-trajectory",
                "/api/v1/clients/%0A/outflow-trajectory", "/api/v1/clients/a%5Cb/outflow-trajectory",
                "/api/v1/clients/%ED%A0%80/outflow-trajectory", "/api/v1//clients",
                "/api/v1/clients/" + "a".repeat(9000) + "/outflow-trajectory",
                "/api/v1/clients/" + ID + "/personal-data?ground=%00", "/api/v1/clients/" + ID + "/personal-data?ground=CLIENT_REQUEST%0A",
                "/api/v1/clients/" + ID + "/personal-data?ground=" + "A".repeat(300),
                "/api/v1/clients/" + ID + "/personal-data?ground=client_request");
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            for (String method : List.of("POST", "DELETE")) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{\"startedOn\":\"2026-01-20\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                String contentType = response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() < 400 || response.statusCode() >= 500
                        || !contentType.startsWith("application/problem+json") || response.body().contains("<html")) {
                    failures.add(method + " " + abbreviate(path) + " -> " + response.statusCode() + " " + contentType
                            + " " + abbreviate(response.body()));
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(eventsBy(PERSON)).isZero();
    }

    /** Every hostile variant of an endpoint's body, named by what it breaks. */
    private static Map<String, String> hostileBodies(Endpoint endpoint) throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        JsonNode template = JSON.readTree(endpoint.body());
        for (String leaf : leaves(template, "")) {
            JsonNode value = at(template, leaf);
            String name = leaf.substring(leaf.lastIndexOf('.') + 1);
            for (String hostile : hostileValues(value, FREE_TEXT.contains(name), endpoint.planned().contains(name))) {
                bodies.put("field " + leaf + " = " + abbreviate(hostile), replace(template, leaf, hostile));
            }
            bodies.put("duplicate key " + leaf, duplicate(template, leaf));
        }
        bodies.put("unknown field", endpoint.body().replaceFirst("\\{", "{\"unknownField\":1,"));
        for (String broken : List.of("", "{", "[]", "null", "12", "\"text\"", "{}x", endpoint.body() + "{}",
                "{\"a\":\u0000}", "[".repeat(5000) + "]".repeat(5000), "{\"x\":\"" + "\u0001" + "\"}")) {
            bodies.put("broken body " + abbreviate(broken), broken);
        }
        bodies.put("huge body", endpoint.body().replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(5_000_000) + "\","));
        return bodies;
    }

    private static List<String> hostileValues(JsonNode value, boolean freeText, boolean planned) {
        List<String> values = new ArrayList<>(List.of("[]", "{}"));
        if (value.isTextual() && value.textValue().matches("\\d{4}-\\d{2}-\\d{2}")) {
            values.addAll(List.of("12345", "20260110", "true", "\"+999999999-12-31\"", "\"2026-01-10T00:00:00\"",
                    "\"2026-01-10T00:00:00Z\"", "\"2026-02-30\"", "\"2026-13-01\"", "\"10-01-2026\"", "\"1899-12-31\"",
                    "\"0999-01-01\"", "\"2999-12-31\"", "\" 2026-01-10\"", "\"2026-01-10\\u0000\"", "\"\"", "\"yesterday\""));
            if (!planned) {
                values.add("\"" + FUTURE + "\"");
            }
        } else if (value.isTextual() && value.textValue().matches("[A-Z_]{2,}")) {
            values.addAll(List.of("0", "1", "true", "\"\"", "\"" + value.textValue().toLowerCase() + "\"",
                    "\"NOT_A_VALUE\"", "\"" + value.textValue() + "\\u0000\""));
        } else if (value.isTextual()) {
            values.addAll(List.of("12345", "1.5", "true", "\"a\\u0000b\"", "\"a\\u0007b\"", "\"a\\u001bb\"", "\"a\\u007fb\"",
                    "\"a\\u0085b\"", "\"a\\u009bb\"", "\"\\ud800\"", "\"x\\udc00y\"", "\"a\\uffffb\"",
                    "\"" + "x".repeat(4001) + "\""));
            if (!freeText) {
                values.addAll(List.of("\"a\\nb\"", "\"a\\tb\"", "\"a\\rb\""));
            }
        } else if (value.isInt()) {
            values.addAll(List.of("\"7\"", "1.5", "7.0", "true", "null", "1e20", "99999999999", "\"\""));
        } else if (value.isDouble()) {
            values.addAll(List.of("\"4\"", "true", "null", "1e400", "-1", "\"\""));
        } else if (value.isBoolean()) {
            values.addAll(List.of("\"true\"", "1", "0", "null", "\"yes\""));
        } else if (value.isObject()) {
            values.remove("{}"); // an empty object is refused for what it lacks, or is an optional part left out
            values.addAll(List.of("\"x\"", "5", "true"));
        }
        return values;
    }

    private static List<String> leaves(JsonNode node, String prefix) {
        List<String> leaves = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            leaves.add(path);
            if (field.getValue().isObject()) {
                leaves.addAll(leaves(field.getValue(), path));
            }
        }
        return leaves;
    }

    private static JsonNode at(JsonNode node, String path) {
        for (String part : path.split("\\.")) {
            node = node.get(part);
        }
        return node;
    }

    private static String replace(JsonNode template, String path, String rawJson) throws Exception {
        JsonNode copy = template.deepCopy();
        String placeholder = "@@hostile-" + UUID.randomUUID() + "@@";
        ObjectNode parent = (ObjectNode) (path.contains(".") ? at(copy, path.substring(0, path.lastIndexOf('.'))) : copy);
        parent.put(path.substring(path.lastIndexOf('.') + 1), placeholder);
        return JSON.writeValueAsString(copy).replace("\"" + placeholder + "\"", rawJson);
    }

    private static String duplicate(JsonNode template, String path) throws Exception {
        String name = path.substring(path.lastIndexOf('.') + 1);
        String field = "\"" + name + "\":" + JSON.writeValueAsString(at(template, path));
        String body = JSON.writeValueAsString(template);
        return body.replace(field, field + "," + field);
    }

    private static HttpResponse<String> send(Endpoint endpoint, String body, String person) throws Exception {
        String token = TestTokens.tokenFor(person, endpoint.organisationType().equals("MUNICIPALITY")
                ? TestTokens.MUNICIPALITY : TestTokens.CORPORATION, endpoint.organisationType(),
                endpoint.path().startsWith("/api/v1/organisations") ? "ADMIN" : "CASEWORKER");
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + endpoint.path()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long eventsBy(String person) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(convert_to(?, 'UTF8') in meta_data) > 0",
                Long.class, person);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }
}
