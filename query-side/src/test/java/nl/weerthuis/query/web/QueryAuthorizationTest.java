package nl.weerthuis.query.web;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import nl.weerthuis.query.support.EventStoreFixture;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import java.util.Set;
import java.util.stream.Stream;

import static nl.weerthuis.kernel.identity.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query-side endpoint × every role × every organisation type: no token is 401, a role the endpoint is not
 * for is 403, a role it is for gets the exact answer to this request without parameters or body (and without data
 * behind it: an unknown client is 404 to every reader). Own-versus-foreign (404 for another organisation's or another client's data) is asserted per endpoint
 * in the tests of each read model, where real data exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
// The event store's tables, which the command side would have made: without them this test passed only after another.
@Import(EventStoreFixture.class)
class QueryAuthorizationTest {

    @Autowired
    TestRestTemplate http;

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/v1/monitor/outflow", EnumSet.of(MONITOR, ADMIN), 200),
                Arguments.of(HttpMethod.GET, "/api/v1/monitor/definitions", EnumSet.of(MONITOR, ADMIN), 200),
                Arguments.of(HttpMethod.GET, "/api/v1/monitor/registered-clients", EnumSet.of(MONITOR, ADMIN), 200),
                Arguments.of(HttpMethod.GET, "/api/v1/clients/c/history", EnumSet.of(AUDITOR, CLIENT), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/clients/c/disclosures", EnumSet.of(AUDITOR, CLIENT), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/clients/c/file", EnumSet.of(CASEWORKER), 400),
                Arguments.of(HttpMethod.GET, "/api/v1/clients/c/agreements", EnumSet.of(CLIENT), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/integrity", EnumSet.of(AUDITOR, ADMIN), 200),
                Arguments.of(HttpMethod.GET, "/api/v1/integrity/checkpoints", EnumSet.of(AUDITOR, ADMIN), 200),
                Arguments.of(HttpMethod.GET, "/api/v1/integrity/checkpoints/999999999", EnumSet.of(AUDITOR, ADMIN), 404),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/integrity/checkpoints", EnumSet.of(ADMIN), 201),
                Arguments.of(HttpMethod.GET, "/api/v1/admin/projections/monitor", EnumSet.of(ADMIN), 200),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/projections/nothing/rebuild", EnumSet.of(ADMIN), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/admin/projections/monitor/dead-letters", EnumSet.of(ADMIN), 200),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/projections/nothing/dead-letters/c/retry", EnumSet.of(ADMIN), 404),
                Arguments.of(HttpMethod.DELETE, "/api/v1/admin/projections/nothing/dead-letters/c", EnumSet.of(ADMIN), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/admin/dead-letters", EnumSet.of(ADMIN), 200),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/dead-letters/s/1/replay", EnumSet.of(ADMIN), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/subscriptions", EnumSet.of(PARTNER_SYSTEM), 200),
                Arguments.of(HttpMethod.POST, "/api/v1/subscriptions", EnumSet.of(PARTNER_SYSTEM), 400),
                Arguments.of(HttpMethod.DELETE, "/api/v1/subscriptions/s", EnumSet.of(PARTNER_SYSTEM), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/subscriptions/s", EnumSet.of(PARTNER_SYSTEM), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/events", EnumSet.of(PARTNER_SYSTEM), 200),
                Arguments.of(HttpMethod.GET, "/api/v1/organisations", EnumSet.allOf(Role.class), 200),
                Arguments.of(HttpMethod.GET, "/api/v1/organisations/99999999", EnumSet.allOf(Role.class), 404),
                Arguments.of(HttpMethod.GET, "/api/v1/processing-activities", EnumSet.allOf(Role.class), 200),
                Arguments.of(HttpMethod.GET, "/api/v1/processing-activities/x", EnumSet.allOf(Role.class), 404));
    }

    /** Served without a token: they hold no data. */
    static final List<String> PUBLIC = List.of("GET /api/v1/event-schemas/x", "GET /api/v1/openapi.json",
            "GET /api/v1/integrity/signing-keys", "GET /login/configuration");
    /** Served by the framework, not by an endpoint of ours. */
    static final Set<String> FRAMEWORK = Set.of("/error", "/api/v1/openapi.json/swagger-config", "/api/v1/openapi.json.yaml");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void the_pages_learn_where_to_log_in_without_a_token() {
        var response = http.getForEntity("/login/configuration", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"issuer\":\"" + TestTokens.ISSUER + "\"", "\"clientId\":\"weerthuis-pages\"");
        // The pages' scripts may call the issuer (its token endpoint), and nothing else outside this application.
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("connect-src 'self' " + TestTokens.ISSUER + ";");
    }

    @Test
    void every_endpoint_has_a_rule_here() {
        List<String> ruled = new ArrayList<>(PUBLIC);
        endpoints().forEach(arguments -> ruled.add(arguments.get()[0] + " " + arguments.get()[1]));
        List<String> withoutRule = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (FRAMEWORK.contains(pattern)) {
                    continue;
                }
                PathPattern parsed = PathPatternParser.defaultInstance.parse(pattern);
                for (var method : info.getMethodsCondition().getMethods()) {
                    boolean found = ruled.stream().anyMatch(rule -> rule.startsWith(method.name() + " ")
                            && parsed.matches(PathContainer.parsePath(rule.substring(rule.indexOf(' ') + 1))));
                    if (!found) {
                        withoutRule.add(method.name() + " " + pattern);
                    }
                }
            }
        }
        assertThat(withoutRule).as("endpoints the query side serves without a rule in this test").isEmpty();
    }

    static final String OPERATOR = TestTokens.MUNICIPALITY;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void each_endpoint_serves_only_its_roles(HttpMethod method, String path, Set<Role> allowed, int allowedStatus) {
        assertThat(status(method, path, null)).as("no token").isEqualTo(401);
        for (OrganisationType type : OrganisationType.values()) {
            // The operator (weerthuis.operator.organisation, in the tests the test municipality) and one organisation
            // that is not: role ADMIN is the operator's only.
            List<String> organisations = type == OrganisationType.MUNICIPALITY
                    ? List.of(OPERATOR, "00000001009000000007") : List.of("2222222" + type.ordinal());
            for (String org : organisations) {
                for (Role role : Role.values()) {
                    int status = status(method, path, TestTokens.token(org, type.name(), role.name()));
                    // Open to everyone signed in (the registers): an ADMIN of any organisation too.
                    boolean anyone = allowed.equals(EnumSet.allOf(Role.class));
                    boolean mayCall = allowed.contains(role) && (anyone || role != ADMIN || org.equals(OPERATOR));
                    assertThat(status).as(type + " " + org + " " + role).isEqualTo(mayCall ? allowedStatus : 403);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void forged_and_incomplete_tokens_are_a_401(HttpMethod method, String path, Set<Role> allowed, int allowedStatus)
            throws Exception {
        String role = allowed.iterator().next().name();
        java.time.Instant now = java.time.Instant.now();
        java.util.Map<String, String> forged = new java.util.LinkedHashMap<>();
        forged.put("signed with another key", TestTokens.signWithAnotherKey(claims(now, role).build()));
        forged.put("HS256 with a shared secret", hs256(claims(now, role)));
        forged.put("unsigned", new com.nimbusds.jwt.PlainJWT(claims(now, role).build()).serialize());
        forged.put("without exp", sign(claims(now, role).expirationTime(null)));
        forged.put("living two hours", sign(claims(now, role).expirationTime(java.util.Date.from(now.plusSeconds(7200)))));
        forged.put("roles as a string", sign(claims(now, role).claim("roles", role)));
        forged.put("an unknown role", sign(claims(now, role).claim("roles", List.of(role, "ROOT"))));
        forged.put("no organisation type", sign(claims(now, role).claim("org_type", null)));
        forged.put("another issuer", sign(claims(now, role).issuer("elsewhere")));
        for (var token : forged.entrySet()) {
            assertThat(status(method, path, token.getValue())).as(token.getKey()).isEqualTo(401);
        }
        assertThat(status(method, path, sign(claims(now, role)))).as("the same token, well formed")
                .isEqualTo(allowedStatus);
    }

    private static com.nimbusds.jwt.JWTClaimsSet.Builder claims(java.time.Instant now, String role) {
        return new com.nimbusds.jwt.JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).subject("forger")
                .claim("org", TestTokens.MUNICIPALITY).claim("org_type", "MUNICIPALITY").claim("roles", List.of(role))
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(600)));
    }

    private static String sign(com.nimbusds.jwt.JWTClaimsSet.Builder claims) {
        return TestTokens.sign(claims.build());
    }

    /** HS256 keyed with the test public key's text: the old shared-secret scheme, and the classic algorithm confusion. */
    private static String hs256(com.nimbusds.jwt.JWTClaimsSet.Builder claims) throws Exception {
        var jwt = new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.HS256),
                claims.build());
        jwt.sign(new com.nimbusds.jose.crypto.MACSigner(java.nio.file.Files.readString(TestTokens.publicKeyFile())));
        return jwt.serialize();
    }

    private int status(HttpMethod method, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(headers), String.class).getStatusCode().value();
    }
}
