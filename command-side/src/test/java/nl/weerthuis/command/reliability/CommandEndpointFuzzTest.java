package nl.weerthuis.command.reliability;

import nl.weerthuis.command.CommandSideApplication;
import nl.weerthuis.testsupport.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-based fuzzing of every command endpoint: random bodies (known and unknown fields, wrong types, odd
 * dates, huge and strange strings, broken JSON), random ids, the organisation types that may call it. The server
 * never answers 5xx, and a request it rejects records no event at all.
 */
class CommandEndpointFuzzTest {

    private static final List<String> PATHS = List.of("/api/v1/clients", "/api/v1/clients/{c}/outflow-trajectory",
            "/api/v1/clients/{c}/trajectory-closure", "/api/v1/clients/{c}/consents", "/api/v1/clients/{c}/consent-withdrawals",
            "/api/v1/clients/{c}/case-coordination", "/api/v1/clients/{c}/arrangement-checklist",
            "/api/v1/clients/{c}/housing-wishes", "/api/v1/clients/{c}/monitoring-reviews", "/api/v1/clients/{c}/return-to-care",
            "/api/v1/clients/{c}/housing-requests", "/api/v1/clients/{c}/housing-request-withdrawals",
            "/api/v1/tenancies", "/api/v1/tenancies/{t}/contract", "/api/v1/tenancies/{t}/flip", "/api/v1/tenancies/{t}/acceptance",
            "/api/v1/tenancies/{t}/refusal", "/api/v1/tenancies/{t}/end", "/api/v1/tenancies/{t}/move-in",
            "/api/v1/tenancies/{t}/agreements", "/api/v1/tenancies/{t}/flip-schedule", "/api/v1/tenancies/{t}/flip-approvals",
            "/api/v1/tenancies/{t}/signals", "/api/v1/tenancies/{t}/signals/{s}/acknowledgement",
            "/api/v1/tenancies/{t}/signals/{s}/discussion", "/api/v1/tenancies/{t}/signals/{s}/escalation",
            "/api/v1/tenancies/{t}/signals/{s}/resolution", "/api/v1/tenancies/{t}/signal-override",
            "/api/v1/care-indications", "/api/v1/care-indications/{i}/scaling", "/api/v1/care-indications/{i}/extension",
            "/api/v1/care-indications/{i}/end", "/api/v1/care-indications/{i}/waakvlam-contacts",
            "/api/v1/care-indications/{i}/waakvlam-end", "/api/v1/regional-agreements",
            "/api/v1/regional-agreements/{a}/amendments", "/api/v1/regional-agreements/{a}/quotas",
            "/api/v1/regional-agreements/{a}/targets", "/api/v1/clients/{c}/personal-data");

    private static final List<String> FIELDS = List.of("setting", "facility", "region", "municipality", "careProvider",
            "registeredOn", "startedOn", "clientId", "leaseForm", "dwelling", "address", "neighbourhood", "fromQuota",
            "offeredOn", "on", "grounds", "notes", "kind", "severity", "description", "raisedOn", "reason", "endedOn",
            "type", "hoursPerWeek", "provider", "validFrom", "validUntil", "checklist", "wishes", "recordedOn", "agreements",
            "target", "policy", "name", "effectiveFrom", "corporation", "year", "dwellings", "outflows", "targetDate",
            "receivingOrganisation", "purpose", "givenOn", "organisation", "personalDetails", "bsn", "dateOfBirth", "requestedOn",
            "withdrawnOn", "organisationType", "x");

    private static ConfigurableApplicationContext context;
    private static String baseUrl;
    private static JdbcTemplate jdbc;
    private static String existingClient;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static synchronized void start() throws Exception {
        if (context != null) {
            return;
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        context = new SpringApplicationBuilder(CommandSideApplication.class).profiles("test")
                .run("--server.port=0");
        baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        jdbc = context.getBean(JdbcTemplate.class);
        HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/clients"))
                .header("Authorization", "Bearer " + TestTokens.municipalCaseworker()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"setting":"SHELTER","facility":"MO","region":"Fuzz","municipality":"Almelo","careProvider":"87654321",
                         "registeredOn":"2025-01-02"}""")).build(), HttpResponse.BodyHandlers.ofString());
        existingClient = registered.body().replaceAll(".*\"clientId\":\"([^\"]+)\".*", "$1");
    }

    @AfterContainer
    static void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Property(tries = 600)
    void no_5xx_and_no_event_from_rejected_input(@ForAll("paths") String template, @ForAll("bodies") String body,
                                                 @ForAll("organisationTypes") String organisationType,
                                                 @ForAll("ids") String id) throws Exception {
        start();
        String path = template.replace("{c}", id.equals("existing") ? existingClient : id)
                .replace("{t}", id).replace("{s}", id).replace("{i}", id).replace("{a}", id);
        String person = "fuzz-" + UUID.randomUUID();
        String org = organisationType.equals("MUNICIPALITY") ? TestTokens.MUNICIPALITY : "87654321";
        String token = TestTokens.tokenFor(person, org, organisationType,
                path.endsWith("/personal-data") ? "ADMIN" : "CASEWORKER");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request = path.endsWith("/personal-data") ? request.DELETE() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(path + " " + body + " -> " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            Long recorded = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(convert_to(?, 'UTF8') in meta_data) > 0",
                    Long.class, person);
            assertThat(recorded).as("events from a rejected " + path + " " + body).isZero();
            assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
        }
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of(PATHS);
    }

    @Provide
    Arbitrary<String> organisationTypes() {
        return Arbitraries.of("MUNICIPALITY", "HOUSING_CORPORATION", "CARE_PROVIDER", "NEIGHBOURHOOD_TEAM");
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.just("existing"), Arbitraries.create(() -> UUID.randomUUID().toString()),
                Arbitraries.strings().withChars("abc-._~019").ofMinLength(1).ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> object = Arbitraries.maps(Arbitraries.of(FIELDS), values(2)).ofMaxSize(12).map(CommandEndpointFuzzTest::json);
        Arbitrary<String> broken = Arbitraries.of("", "{", "[]", "null", "{\"setting\":}", "\"text\"", "{\"a\":1}}", "12");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, object), net.jqwik.api.Tuple.of(1, broken));
    }

    private static Arbitrary<Object> values(int depth) {
        List<Arbitrary<?>> choices = new java.util.ArrayList<>(List.of(
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.strings().all().ofMinLength(4000).ofMaxLength(5000).map(s -> (Object) s),
                Arbitraries.of("2025-01-02", "2999-12-31", "1900-01-01", "2025-02-30", "yesterday", "", "PROTECTED_HOUSING",
                        "SHELTER", "CLIENT_LEASE", "TRIPARTITE", "NUISANCE", "HIGH", "MOVED", "87654321", "12345678",
                        "00000001001234567000", "111222333", "goed-huurderschap", "CAN_LIVE_INDEPENDENTLY", "THREE_PARTY_MEETING"),
                Arbitraries.integers().between(-5, 5000).map(i -> (Object) i),
                Arbitraries.doubles().between(-1e9, 1e9).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null)));
        if (depth > 0) {
            choices.add(Arbitraries.maps(Arbitraries.of(FIELDS), values(depth - 1)).ofMaxSize(6).map(m -> (Object) m));
            choices.add(values(depth - 1).list().ofMaxSize(3).map(l -> (Object) l));
        }
        return Arbitraries.oneOf(choices.stream().map(a -> (Arbitrary<Object>) a).toList()).injectNull(0.05);
    }

    private static String json(Map<String, Object> body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
