package nl.weerthuis.query.web;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import nl.weerthuis.query.support.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static nl.weerthuis.kernel.identity.Role.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every query-side endpoint × every role × every organisation type: no token is 401, a role the endpoint is not
 * for is 403. Own-versus-foreign (404 for another organisation's or another client's data) is asserted per endpoint
 * in the tests of each read model, where real data exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QueryAuthorizationTest {

    @Autowired
    TestRestTemplate http;

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of(HttpMethod.GET, "/api/v1/monitor/outflow", EnumSet.of(MONITOR, ADMIN)),
                Arguments.of(HttpMethod.GET, "/api/v1/monitor/definitions", EnumSet.of(MONITOR, ADMIN)),
                Arguments.of(HttpMethod.GET, "/api/v1/monitor/registered-clients", EnumSet.of(MONITOR, ADMIN)),
                Arguments.of(HttpMethod.GET, "/api/v1/clients/c/history", EnumSet.of(AUDITOR, CLIENT)),
                Arguments.of(HttpMethod.GET, "/api/v1/clients/c/disclosures", EnumSet.of(AUDITOR, CLIENT)),
                Arguments.of(HttpMethod.GET, "/api/v1/clients/c/file", EnumSet.of(CASEWORKER)),
                Arguments.of(HttpMethod.GET, "/api/v1/clients/c/agreements", EnumSet.of(CLIENT)),
                Arguments.of(HttpMethod.GET, "/api/v1/integrity", EnumSet.of(AUDITOR, ADMIN)),
                Arguments.of(HttpMethod.GET, "/api/v1/admin/projections/monitor", EnumSet.of(ADMIN)),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/projections/nothing/rebuild", EnumSet.of(ADMIN)),
                Arguments.of(HttpMethod.GET, "/api/v1/admin/dead-letters", EnumSet.of(ADMIN)),
                Arguments.of(HttpMethod.POST, "/api/v1/admin/dead-letters/s/1/replay", EnumSet.of(ADMIN)),
                Arguments.of(HttpMethod.GET, "/api/v1/subscriptions", EnumSet.of(PARTNER_SYSTEM)),
                Arguments.of(HttpMethod.POST, "/api/v1/subscriptions", EnumSet.of(PARTNER_SYSTEM)),
                Arguments.of(HttpMethod.DELETE, "/api/v1/subscriptions/s", EnumSet.of(PARTNER_SYSTEM)),
                Arguments.of(HttpMethod.GET, "/api/v1/events", EnumSet.of(PARTNER_SYSTEM)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void each_endpoint_serves_only_its_roles(HttpMethod method, String path, Set<Role> allowed) {
        assertThat(status(method, path, null)).as("no token").isEqualTo(401);
        for (OrganisationType type : OrganisationType.values()) {
            String org = type == OrganisationType.MUNICIPALITY ? TestTokens.MUNICIPALITY : "2222222" + type.ordinal();
            for (Role role : Role.values()) {
                int status = status(method, path, TestTokens.token(org, type.name(), role.name()));
                if (allowed.contains(role)) {
                    assertThat(status).as(type + " " + role).isNotIn(401, 403);
                } else {
                    assertThat(status).as(type + " " + role).isEqualTo(403);
                }
            }
        }
    }

    private int status(HttpMethod method, String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, method, new HttpEntity<>(headers), String.class).getStatusCode().value();
    }
}
