package nl.weerthuis.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import nl.weerthuis.testsupport.TestTokens;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import static nl.weerthuis.kernel.identity.OrganisationType.CARE_PROVIDER;
import static nl.weerthuis.kernel.identity.OrganisationType.HOUSING_CORPORATION;
import static nl.weerthuis.kernel.identity.OrganisationType.MUNICIPALITY;
import static nl.weerthuis.kernel.identity.OrganisationType.NEIGHBOURHOOD_TEAM;
import static nl.weerthuis.kernel.identity.OrganisationType.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command side's authorisation, generated: every endpoint × every organisation type × every role × {involved,
 * never involved, formerly involved}, against PostgreSQL, with the exact status each must get and nothing appended
 * when refused. {@link #RULES} is the rule of each endpoint (the README's table says the same); an endpoint the web
 * layer serves without a rule here fails {@link #every_endpoint_has_a_rule}.
 *
 * <p>Refused requests carry a complete, valid body, so a refusal is the authorisation's and not the validator's.
 * Allowed requests on existing resources carry a stale {@code If-Match}: they pass every check up to the aggregate
 * (409), so the fixture's journeys stay as they are for the next cell. Allowed creates are made (201).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Standing { INVOLVED, NEVER_INVOLVED, FORMERLY_INVOLVED }

    /**
     * What an endpoint is about: a client (involvement decides), an agreement (only its adopter: the fixture's
     * "involved" municipality adopted it, every other organisation gets 404), nothing client-bound, or the
     * installation (the operator's ADMIN only), or the organisation register (the operator's ADMIN keeps it).
     */
    enum Subject { CLIENT, ADOPTER, NONE, PUBLIC, INSTALLATION, REGISTER }

    record Rule(String method, String path, Set<Role> roles, Set<OrganisationType> types, Subject subject,
                boolean create, String body) {
    }

    private static Rule caseworkers(String method, String path, Set<OrganisationType> types, boolean create, String body) {
        return new Rule(method, path, EnumSet.of(Role.CASEWORKER), types, Subject.CLIENT, create, body);
    }

    static final String DAY = "2026-03-02";
    static final Set<OrganisationType> M = EnumSet.of(MUNICIPALITY), MHC = EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION),
            MCN = EnumSet.of(MUNICIPALITY, CARE_PROVIDER, NEIGHBOURHOOD_TEAM), MNC = MCN,
            ALL_FOUR = EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM),
            MHP = EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER);
    static final String ON = "{\"on\":\"" + DAY + "\"}";
    static final String POLICY = "{\"offerDeadline\":\"P6M\",\"flipMinimumTerm\":\"P6M\",\"flipMaximumTerm\":\"P18M\","
            + "\"reviewCadence\":\"P6M\",\"reviewPeriod\":\"P24M\",\"waakvlamFrequency\":\"P4W\",\"waakvlamDuration\":\"P6M\"}";

    /** Placeholders: {client} {tenancy} {signal} {indication} {agreement} {region} {corporation} {organisation} {number}. */
    static final List<Rule> RULES = List.of(
            new Rule("POST", "/api/v1/clients", EnumSet.of(Role.CASEWORKER), M, Subject.NONE, true,
                    "{\"setting\":\"SHELTER\",\"facility\":\"MO\",\"region\":\"{region}\",\"municipality\":\"Almelo\","
                            + "\"careProvider\":\"31000001\",\"registeredOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/outflow-trajectory", M, false, "{\"startedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/trajectory-closure", M, false,
                    "{\"reason\":\"WITHDRAWN\",\"closedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/consents", M, false,
                    "{\"receivingOrganisation\":\"21000001\",\"purpose\":\"goed-huurderschap\",\"on\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/consent-withdrawals", M, false,
                    "{\"receivingOrganisation\":\"21000001\",\"purpose\":\"goed-huurderschap\",\"on\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/case-coordination", M, false,
                    "{\"organisation\":\"00000001004100000009\",\"organisationType\":\"NEIGHBOURHOOD_TEAM\",\"assignedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/housing-requests", MNC, false,
                    "{\"corporation\":\"21000009\",\"requestedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/housing-request-withdrawals", MNC, false,
                    "{\"corporation\":\"21000001\",\"withdrawnOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/arrangement-checklist", MCN, false,
                    "{\"checklist\":{\"budgetManagement\":true,\"debtHelp\":true,\"dayActivity\":true,\"support\":true,"
                            + "\"incomeFromMoveDate\":true,\"debtsStabilised\":true},\"updatedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/housing-wishes", MCN, false,
                    "{\"wishes\":\"near family\",\"recordedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/monitoring-reviews", ALL_FOUR, false,
                    "{\"reviewedOn\":\"" + DAY + "\",\"outcome\":\"stable\"}"),
            caseworkers("POST", "/api/v1/clients/{client}/return-to-care", EnumSet.of(MUNICIPALITY, CARE_PROVIDER), false,
                    "{\"setting\":\"SHELTER\",\"returnedOn\":\"" + DAY + "\",\"grounds\":\"relapse\"}"),
            new Rule("DELETE", "/api/v1/clients/{client}/personal-data?ground=CLIENT_REQUEST", EnumSet.of(Role.ADMIN), M,
                    Subject.CLIENT, false, null),
            caseworkers("POST", "/api/v1/tenancies", EnumSet.of(HOUSING_CORPORATION), true,
                    "{\"clientId\":\"{client}\",\"careProvider\":\"31000001\",\"leaseForm\":\"CLIENT_LEASE\",\"fromQuota\":false,"
                            + "\"offeredOn\":\"" + DAY + "\",\"dwelling\":{\"address\":\"Kerkstraat 2\",\"municipality\":\"Almelo\","
                            + "\"neighbourhood\":\"Noord\"}}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/acceptance", MHC, false, ON),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/refusal", MHC, false,
                    "{\"on\":\"" + DAY + "\",\"grounds\":\"too far\"}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/contract", EnumSet.of(HOUSING_CORPORATION), false, ON),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/agreements", MHP, false,
                    "{\"agreements\":\"pay the rent\",\"recordedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/move-in", EnumSet.of(HOUSING_CORPORATION, CARE_PROVIDER), false, ON),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/signals", ALL_FOUR, true,
                    "{\"kind\":\"NUISANCE\",\"severity\":\"LOW\",\"description\":\"noise\",\"raisedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/signals/{signal}/acknowledgement", ALL_FOUR, false, ON),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/signals/{signal}/discussion", ALL_FOUR, false,
                    "{\"on\":\"" + DAY + "\",\"notes\":\"talked\"}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/signals/{signal}/escalation", ALL_FOUR, false,
                    "{\"target\":\"THREE_PARTY_MEETING\",\"on\":\"" + DAY + "\",\"grounds\":\"again\"}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/signals/{signal}/resolution", ALL_FOUR, false,
                    "{\"on\":\"" + DAY + "\",\"notes\":\"solved\"}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/signal-override", EnumSet.of(MUNICIPALITY, CARE_PROVIDER), false,
                    "{\"on\":\"" + DAY + "\",\"grounds\":\"agreed in driegesprek\"}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/flip-schedule", MHP, false, ON),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/flip-approvals", MHP, false, ON),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/flip", EnumSet.of(HOUSING_CORPORATION), false,
                    "{\"on\":\"" + DAY + "\",\"grounds\":\"all well\"}"),
            caseworkers("POST", "/api/v1/tenancies/{tenancy}/end", MHC, false,
                    "{\"reason\":\"MOVED\",\"endedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/care-indications", M, true,
                    "{\"clientId\":\"{client}\",\"type\":\"AMBULATORY_SUPPORT\",\"hoursPerWeek\":4,\"provider\":\"31000001\","
                            + "\"region\":\"{region}\",\"validFrom\":\"" + DAY + "\",\"validUntil\":\"2027-03-01\"}"),
            caseworkers("POST", "/api/v1/care-indications/{indication}/scaling", M, false,
                    "{\"hoursPerWeek\":2,\"scaledOn\":\"" + DAY + "\",\"grounds\":\"going well\"}"),
            caseworkers("POST", "/api/v1/care-indications/{indication}/extension", M, false, "{\"validUntil\":\"2028-01-01\"}"),
            caseworkers("POST", "/api/v1/care-indications/{indication}/end", M, false,
                    "{\"reason\":\"PERIOD_ENDED\",\"endedOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/care-indications/{indication}/waakvlam-contacts", EnumSet.of(MUNICIPALITY, NEIGHBOURHOOD_TEAM),
                    false, "{\"contactOn\":\"" + DAY + "\"}"),
            caseworkers("POST", "/api/v1/care-indications/{indication}/waakvlam-end", EnumSet.of(MUNICIPALITY, NEIGHBOURHOOD_TEAM),
                    false, "{\"reason\":\"ENDED_BY_AGREEMENT\",\"endedOn\":\"" + DAY + "\"}"),
            new Rule("POST", "/api/v1/regional-agreements", EnumSet.of(Role.CASEWORKER), M, Subject.NONE, true,
                    "{\"region\":\"{region}-" + "{unique}\",\"name\":\"Convenant\",\"effectiveFrom\":\"2026-01-01\",\"policy\":" + POLICY + "}"),
            new Rule("POST", "/api/v1/regional-agreements/{agreement}/amendments", EnumSet.of(Role.CASEWORKER), M, Subject.ADOPTER,
                    false, "{\"effectiveFrom\":\"2026-06-01\",\"policy\":" + POLICY + ",\"grounds\":\"new coalition\"}"),
            new Rule("POST", "/api/v1/regional-agreements/{agreement}/quotas", EnumSet.of(Role.CASEWORKER), M, Subject.ADOPTER,
                    false, "{\"corporation\":\"21000001\",\"year\":2026,\"dwellings\":10}"),
            new Rule("POST", "/api/v1/regional-agreements/{agreement}/targets", EnumSet.of(Role.CASEWORKER), M, Subject.ADOPTER,
                    false, "{\"outflows\":20,\"targetDate\":\"2027-12-31\"}"),
            new Rule("POST", "/api/v1/caseload-imports", EnumSet.of(Role.CASEWORKER), M, Subject.NONE, true,
                    "{\"region\":\"{region}-{unique}\",\"journeys\":[{\"reference\":\"r1\",\"setting\":\"SHELTER\","
                            + "\"facility\":\"f\",\"municipality\":\"Almelo\",\"careProvider\":\"31000001\","
                            + "\"registeredOn\":\"2026-01-01\"}]}"),
            new Rule("POST", "/api/v1/admin/key-encryption-key/rewrap", EnumSet.of(Role.ADMIN),
                    EnumSet.allOf(OrganisationType.class), Subject.INSTALLATION, false, null),
            new Rule("POST", "/api/v1/organisations", EnumSet.of(Role.ADMIN), EnumSet.allOf(OrganisationType.class),
                    Subject.REGISTER, true, "{\"organisationId\":\"{number}\",\"name\":\"Zorg {unique}\","
                            + "\"type\":\"CARE_PROVIDER\",\"regions\":[\"{region}\"]}"),
            new Rule("POST", "/api/v1/organisations/{organisation}/name", EnumSet.of(Role.ADMIN),
                    EnumSet.allOf(OrganisationType.class), Subject.REGISTER, false, "{\"name\":\"Zorg {unique}\"}"),
            new Rule("POST", "/api/v1/organisations/{organisation}/type", EnumSet.of(Role.ADMIN),
                    EnumSet.allOf(OrganisationType.class), Subject.REGISTER, false, "{\"type\":\"NEIGHBOURHOOD_TEAM\"}"),
            new Rule("POST", "/api/v1/organisations/{organisation}/regions", EnumSet.of(Role.ADMIN),
                    EnumSet.allOf(OrganisationType.class), Subject.REGISTER, false, "{\"regions\":[\"{unique}\"]}"),
            new Rule("GET", "/api/v1/organisations/{organisation}", EnumSet.of(Role.ADMIN),
                    EnumSet.allOf(OrganisationType.class), Subject.REGISTER, false, null),
            new Rule("HEAD", "/api/v1/organisations/{organisation}", EnumSet.of(Role.ADMIN),
                    EnumSet.allOf(OrganisationType.class), Subject.REGISTER, false, null),
            new Rule("GET", "/api/v1/openapi.json", EnumSet.allOf(Role.class), EnumSet.allOf(OrganisationType.class),
                    Subject.PUBLIC, false, null),
            // The current version of a resource (issue 14): read like the commands on it, for the involved only.
            caseworkers("GET", "/api/v1/clients/{client}", ALL_FOUR, false, null),
            caseworkers("HEAD", "/api/v1/clients/{client}", ALL_FOUR, false, null),
            caseworkers("GET", "/api/v1/tenancies/{tenancy}", ALL_FOUR, false, null),
            caseworkers("HEAD", "/api/v1/tenancies/{tenancy}", ALL_FOUR, false, null),
            caseworkers("GET", "/api/v1/care-indications/{indication}", ALL_FOUR, false, null),
            caseworkers("HEAD", "/api/v1/care-indications/{indication}", ALL_FOUR, false, null),
            new Rule("GET", "/api/v1/regional-agreements/{agreement}", EnumSet.of(Role.CASEWORKER), ALL_FOUR, Subject.NONE,
                    false, null),
            new Rule("HEAD", "/api/v1/regional-agreements/{agreement}", EnumSet.of(Role.CASEWORKER), ALL_FOUR, Subject.NONE,
                    false, null));

    /** Served by the framework, not by an endpoint of ours: Spring's error page and springdoc's own configuration. */
    static final Set<String> FRAMEWORK = Set.of("/error", "/api/v1/openapi.json/swagger-config", "/api/v1/openapi.json.yaml");

    static final String MUNICIPALITY_A = TestTokens.MUNICIPALITY, CORPORATION_A = "21000001", CORPORATION_B = "21000002",
            PROVIDER_A = "31000001", PROVIDER_B = "31000002", TEAM_A = "00000001004100000001";

    /** The organisation of each type in each standing (none: no such organisation can exist, see the README). */
    static final Map<OrganisationType, Map<Standing, String>> ORGANISATIONS = Map.of(
            MUNICIPALITY, Map.of(Standing.INVOLVED, MUNICIPALITY_A, Standing.NEVER_INVOLVED, "00000001009000000009"),
            HOUSING_CORPORATION, Map.of(Standing.INVOLVED, CORPORATION_A, Standing.NEVER_INVOLVED, "29999999",
                    Standing.FORMERLY_INVOLVED, CORPORATION_B),
            CARE_PROVIDER, Map.of(Standing.INVOLVED, PROVIDER_A, Standing.NEVER_INVOLVED, "39999999",
                    Standing.FORMERLY_INVOLVED, PROVIDER_B),
            NEIGHBOURHOOD_TEAM, Map.of(Standing.INVOLVED, TEAM_A, Standing.NEVER_INVOLVED, "00000001004999999999"),
            SUPERVISOR, Map.of(Standing.NEVER_INVOLVED, "00000001005999999999"));

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String region = "Matrix-" + UUID.randomUUID().toString().substring(0, 8);
    /** Client A: every type's "involved" organisation is involved with it. Client B: the formerly involved ones were. */
    private final Map<String, String> a = new LinkedHashMap<>(), b = new LinkedHashMap<>();
    private String agreement;
    /** An organisation of the register, registered by the operator's ADMIN. */
    private String organisation;

    private String token(String org, OrganisationType type, Role role) {
        return TestTokens.tokenFor("matrix-" + role.name().toLowerCase(), org, type.name(), role.name());
    }

    private HttpResponse<String> send(String method, String path, String token, String body, boolean staleVersion) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (staleVersion) {
            request.header("If-Match", "\"999\"");
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String created(String path, String token, String body, String idName) throws Exception {
        HttpResponse<String> response = send("POST", path, token, body, false);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
        return json.readTree(response.body()).get(idName).asText();
    }

    private void done(String path, String token, String body) {
        HttpResponse<String> response = send("POST", path, token, body, false);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(204);
    }

    /** Two journeys, built as the organisations would: through the API, each involved by the coordination point. */
    @BeforeAll
    void journeys() throws Exception {
        String municipality = token(MUNICIPALITY_A, MUNICIPALITY, Role.CASEWORKER);
        for (Map<String, String> journey : List.of(a, b)) {
            boolean formerly = journey == b;
            String corporationOrg = formerly ? CORPORATION_B : CORPORATION_A;
            String corporation = token(corporationOrg, HOUSING_CORPORATION, Role.CASEWORKER);
            String client = created("/api/v1/clients", municipality, rule("/api/v1/clients").body().replace("{region}", region), "clientId");
            journey.put("client", client);
            done("/api/v1/clients/" + client + "/outflow-trajectory", municipality, "{\"startedOn\":\"2026-01-05\"}");
            done("/api/v1/clients/" + client + "/arrangement-checklist", municipality, rule("/api/v1/clients/{client}/arrangement-checklist").body());
            if (!formerly) {
                done("/api/v1/clients/" + client + "/case-coordination", municipality, """
                        {"organisation":"%s","organisationType":"NEIGHBOURHOOD_TEAM","assignedOn":"2026-01-06"}""".formatted(TEAM_A));
            }
            done("/api/v1/clients/" + client + "/housing-requests", municipality,
                    "{\"corporation\":\"" + corporationOrg + "\",\"requestedOn\":\"2026-01-07\"}");
            String tenancy = created("/api/v1/tenancies", corporation, rule("/api/v1/tenancies").body().replace("{client}", client), "tenancyId");
            journey.put("tenancy", tenancy);
            done("/api/v1/tenancies/" + tenancy + "/acceptance", municipality, ON);
            done("/api/v1/tenancies/" + tenancy + "/contract", corporation, ON);
            journey.put("signal", created("/api/v1/tenancies/" + tenancy + "/signals", corporation,
                    "{\"kind\":\"RENT_ARREARS\",\"severity\":\"LOW\",\"description\":\"behind\",\"raisedOn\":\"" + DAY + "\"}",
                    "signalId"));
            String indication = created("/api/v1/care-indications", municipality, """
                    {"clientId":"%s","type":"AMBULATORY_SUPPORT","hoursPerWeek":6,"provider":"%s","region":"%s",
                     "validFrom":"2026-01-01","validUntil":"2027-01-01"}""".formatted(client, formerly ? PROVIDER_B : PROVIDER_A,
                    region), "indicationId");
            journey.put("indication", indication);
            if (formerly) {
                done("/api/v1/tenancies/" + tenancy + "/end", corporation, "{\"reason\":\"MOVED\",\"endedOn\":\"" + DAY + "\"}");
                done("/api/v1/care-indications/" + indication + "/end", municipality,
                        "{\"reason\":\"PERIOD_ENDED\",\"endedOn\":\"" + DAY + "\"}");
            }
        }
        // The journey process closes B's trajectory after its tenancy ended: wait for it, so the counts stand still.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type LIKE '%TrajectoryClosedEvent'""", Long.class, b.get("client")) == 1);
        agreement = created("/api/v1/regional-agreements", municipality,
                rule("/api/v1/regional-agreements").body().replace("{region}", region).replace("{unique}", "base"), "agreementId");
        organisation = created("/api/v1/organisations", token(MUNICIPALITY_A, MUNICIPALITY, Role.ADMIN),
                fill(rule("/api/v1/organisations").body(), a), "organisationId");
    }

    private static Rule rule(String path) {
        return RULES.stream().filter(rule -> rule.path().equals(path)).findFirst().orElseThrow();
    }

    private String path(Rule rule, Map<String, String> journey) {
        return fill(rule.path(), journey);
    }

    private String fill(String text, Map<String, String> journey) {
        if (text == null) {
            return null;
        }
        String filled = text.replace("{region}", region).replace("{unique}", UUID.randomUUID().toString().substring(0, 8))
                .replace("{agreement}", agreement).replace("{number}", newOrganisationNumber());
        if (organisation != null) {
            filled = filled.replace("{organisation}", organisation);
        }
        for (Map.Entry<String, String> id : journey.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    /** A 20-digit number (an OIN's shape) no other cell used. */
    private static String newOrganisationNumber() {
        return String.format("%020d", Math.abs(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
    }

    /** Every event about the fixture's clients, its region's new clients and its agreement. */
    private long appended() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE convert_from(payload, 'UTF8') LIKE ?
                OR convert_from(payload, 'UTF8') LIKE ? OR convert_from(payload, 'UTF8') LIKE ? OR aggregate_identifier = ?
                OR payload_type LIKE 'nl.weerthuis.kernel.organisation.%'""",
                Long.class, "%" + a.get("client") + "%", "%" + b.get("client") + "%", "%" + region + "%", agreement);
    }

    /** The exact status the rule gives, and whether the request may append. */
    static int expected(Rule rule, OrganisationType type, Role role, Standing standing) {
        if (rule.subject() == Subject.PUBLIC) {
            return 200;
        }
        if (!rule.roles().contains(role) || !rule.types().contains(type)) {
            return 403;
        }
        if ((rule.subject() == Subject.CLIENT || rule.subject() == Subject.ADOPTER) && standing != Standing.INVOLVED) {
            return 404;
        }
        if (rule.subject() == Subject.INSTALLATION || rule.subject() == Subject.REGISTER) {
            // Only the operating organisation's ADMIN runs the installation and keeps the register
            // (weerthuis.operator.organisation, the test municipality's OIN by default); any other ADMIN is refused.
            boolean operator = type == OrganisationType.MUNICIPALITY && standing == Standing.INVOLVED;
            if (!operator) {
                return 403;
            }
            if (rule.subject() == Subject.INSTALLATION) {
                return 200;
            }
        }
        if (rule.method().equals("GET") || rule.method().equals("HEAD")) {
            return 200;
        }
        return rule.create() ? 201 : 409;
    }

    @Test
    void every_endpoint_has_a_rule() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (FRAMEWORK.contains(pattern)) {
                    continue;
                }
                for (var method : info.getMethodsCondition().getMethods()) {
                    served.add(method.name() + " " + pattern.replaceAll("\\{(\\w+)Id}", "{$1}"));
                }
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    served.add("ANY " + pattern);
                }
            }
        }
        Set<String> ruled = new TreeSet<>();
        RULES.forEach(rule -> ruled.add(rule.method() + " " + rule.path().replaceAll("\\?.*", "")));
        assertThat(ruled).as("every endpoint the command side serves has a rule in the matrix, and only those")
                .isEqualTo(served);
    }

    @Test
    void every_endpoint_gives_every_organisation_type_role_and_standing_exactly_its_status() {
        List<String> wrong = new ArrayList<>();
        int requests = 0;
        for (Rule rule : RULES) {
            assertThat(send(rule.method(), path(rule, a), null, fill(rule.body(), a), false).statusCode())
                    .as("no token: " + rule.path()).isEqualTo(rule.subject() == Subject.PUBLIC ? 200 : 401);
            long before = appended();
            List<Runnable> allowed = new ArrayList<>();
            for (OrganisationType type : OrganisationType.values()) {
                for (Map.Entry<Standing, String> organisation : ORGANISATIONS.get(type).entrySet()) {
                    Standing standing = organisation.getKey();
                    Map<String, String> journey = standing == Standing.FORMERLY_INVOLVED ? b : a;
                    for (Role role : Role.values()) {
                        int expected = expected(rule, type, role, standing);
                        String token = token(organisation.getValue(), type, role);
                        String cell = rule.method() + " " + rule.path() + " as " + type + " " + role + " " + standing;
                        Runnable attempt = () -> {
                            // A stale version only where the request is allowed (so it changes nothing): a refused
                            // one goes without, so if the refusal failed it would append, and the count would say so.
                            HttpResponse<String> response = send(rule.method(), path(rule, journey), token,
                                    fill(rule.body(), journey), !rule.create() && expected == 409);
                            if (response.statusCode() != expected) {
                                wrong.add(cell + ": expected " + expected + ", got " + response.statusCode() + " "
                                        + response.body());
                            }
                        };
                        requests++;
                        if (expected / 100 == 2 || expected == 409) {
                            allowed.add(attempt);
                        } else {
                            attempt.run();
                        }
                    }
                }
            }
            assertThat(appended()).as("a refused " + rule.method() + " " + rule.path() + " appended nothing").isEqualTo(before);
            allowed.forEach(Runnable::run);
        }
        assertThat(wrong).as(requests + " requests").isEmpty();
    }

    @Test
    void forged_and_incomplete_tokens_are_refused_with_401_on_every_endpoint() throws Exception {
        Instant now = Instant.now();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("signed with another key", TestTokens.signWithAnotherKey(claims(now, c -> { }).build()));
        forged.put("HS256 with a shared secret", hs256(claims(now, c -> { })));
        forged.put("unsigned (alg none)", new PlainJWT(claims(now, c -> { }).build()).serialize());
        forged.put("without exp", sign(claims(now, c -> c.expirationTime(null))));
        forged.put("expired", sign(claims(now, c -> c.issueTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600))))));
        forged.put("living two hours", sign(claims(now, c -> c.expirationTime(Date.from(now.plusSeconds(7200))))));
        forged.put("roles as a string", sign(claims(now, c -> c.claim("roles", "CASEWORKER"))));
        forged.put("an unknown role", sign(claims(now, c -> c.claim("roles", List.of("CASEWORKER", "ROOT")))));
        forged.put("no organisation", sign(claims(now, c -> c.claim("org", null))));
        forged.put("an unknown organisation type", sign(claims(now, c -> c.claim("org_type", "BANK"))));
        forged.put("another issuer", sign(claims(now, c -> c.issuer("someone-else"))));
        forged.put("garbage", "not.a.token");
        long before = appended();
        List<String> wrong = new ArrayList<>();
        for (Rule rule : RULES) {
            if (rule.subject() == Subject.PUBLIC) {
                continue;
            }
            for (Map.Entry<String, String> token : forged.entrySet()) {
                HttpResponse<String> response = send(rule.method(), path(rule, a), token.getValue(), fill(rule.body(), a), false);
                if (response.statusCode() != 401
                        || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    wrong.add(rule.path() + " with a token " + token.getKey() + ": " + response.statusCode());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(appended()).isEqualTo(before);
    }

    /** A municipality caseworker's claims, valid but for what {@code change} does. */
    private static JWTClaimsSet.Builder claims(Instant now, Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).subject("forger")
                .claim("org", MUNICIPALITY_A).claim("org_type", "MUNICIPALITY").claim("roles", List.of("CASEWORKER"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)));
        change.accept(claims);
        return claims;
    }

    private static String sign(JWTClaimsSet.Builder claims) {
        return TestTokens.sign(claims.build());
    }

    /** HS256 keyed with the test public key's text: the old shared-secret scheme, and the classic algorithm confusion. */
    private static String hs256(JWTClaimsSet.Builder claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        jwt.sign(new MACSigner(java.nio.file.Files.readString(TestTokens.publicKeyFile())));
        return jwt.serialize();
    }
}
