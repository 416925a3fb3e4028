package nl.weerthuis.command.web;

import nl.weerthuis.command.support.TestTokens;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static nl.weerthuis.kernel.identity.OrganisationType.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command endpoint refuses callers without a token (401), with a role other than CASEWORKER and with an
 * organisation type that does not do this work (403). The matrix below is the authorisation rule of each endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CommandAuthorizationTest {

    @Autowired
    TestRestTemplate http;

    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/api/v1/clients", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/clients/c/outflow-trajectory", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/clients/c/trajectory-closure", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/clients/c/consents", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/clients/c/consent-withdrawals", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/clients/c/case-coordination", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/clients/c/arrangement-checklist", EnumSet.of(MUNICIPALITY, CARE_PROVIDER, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/clients/c/housing-wishes", EnumSet.of(MUNICIPALITY, CARE_PROVIDER, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/clients/c/monitoring-reviews", EnumSet.of(MUNICIPALITY, CARE_PROVIDER, NEIGHBOURHOOD_TEAM, HOUSING_CORPORATION)),
                Arguments.of("/api/v1/clients/c/return-to-care", EnumSet.of(MUNICIPALITY, CARE_PROVIDER)),
                Arguments.of("/api/v1/tenancies", EnumSet.of(HOUSING_CORPORATION)),
                Arguments.of("/api/v1/tenancies/t/contract", EnumSet.of(HOUSING_CORPORATION)),
                Arguments.of("/api/v1/tenancies/t/flip", EnumSet.of(HOUSING_CORPORATION)),
                Arguments.of("/api/v1/tenancies/t/acceptance", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION)),
                Arguments.of("/api/v1/tenancies/t/refusal", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION)),
                Arguments.of("/api/v1/tenancies/t/end", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION)),
                Arguments.of("/api/v1/tenancies/t/move-in", EnumSet.of(HOUSING_CORPORATION, CARE_PROVIDER)),
                Arguments.of("/api/v1/tenancies/t/agreements", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER)),
                Arguments.of("/api/v1/tenancies/t/flip-schedule", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER)),
                Arguments.of("/api/v1/tenancies/t/flip-approvals", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER)),
                Arguments.of("/api/v1/tenancies/t/signals", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/tenancies/t/signals/s/acknowledgement", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/tenancies/t/signals/s/discussion", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/tenancies/t/signals/s/escalation", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/tenancies/t/signals/s/resolution", EnumSet.of(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/tenancies/t/signal-override", EnumSet.of(MUNICIPALITY, CARE_PROVIDER)),
                Arguments.of("/api/v1/care-indications", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/care-indications/i/scaling", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/care-indications/i/extension", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/care-indications/i/end", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/care-indications/i/waakvlam-contacts", EnumSet.of(MUNICIPALITY, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/care-indications/i/waakvlam-end", EnumSet.of(MUNICIPALITY, NEIGHBOURHOOD_TEAM)),
                Arguments.of("/api/v1/regional-agreements", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/regional-agreements/a/amendments", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/regional-agreements/a/quotas", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/regional-agreements/a/targets", EnumSet.of(MUNICIPALITY)),
                Arguments.of("/api/v1/caseload-imports", EnumSet.of(MUNICIPALITY)));
    }

    private int status(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>("{}", headers), String.class).getStatusCode().value();
    }

    @org.junit.jupiter.api.Test
    void only_an_admin_of_a_municipality_may_erase_personal_data() {
        String path = "/api/v1/clients/c/personal-data?ground=CLIENT_REQUEST";
        assertThat(http.exchange(path, HttpMethod.DELETE, HttpEntity.EMPTY, String.class).getStatusCode().value()).isEqualTo(401);
        for (OrganisationType type : OrganisationType.values()) {
            String org = type == MUNICIPALITY ? TestTokens.MUNICIPALITY : "1111111" + type.ordinal();
            for (Role role : Role.values()) {
                HttpHeaders headers = new HttpHeaders();
                headers.setBearerAuth(TestTokens.token(org, type.name(), role.name()));
                int status = http.exchange(path, HttpMethod.DELETE, new HttpEntity<>(headers), String.class).getStatusCode().value();
                if (role == Role.ADMIN && type == MUNICIPALITY) {
                    assertThat(status).as(type + " " + role).isEqualTo(404); // allowed through, but no client "c"
                } else {
                    assertThat(status).as(type + " " + role).isEqualTo(403);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void only_caseworkers_of_the_organisations_that_do_this_work_get_through(String path, Set<OrganisationType> allowed) {
        assertThat(status(path, null)).as("no token").isEqualTo(401);
        for (OrganisationType type : OrganisationType.values()) {
            String org = type == MUNICIPALITY ? TestTokens.MUNICIPALITY : "1111111" + type.ordinal();
            for (Role role : Role.values()) {
                int status = status(path, TestTokens.token(org, type.name(), role.name()));
                if (role == Role.CASEWORKER && allowed.contains(type)) {
                    assertThat(status).as(type + " " + role).isNotIn(401, 403);
                } else {
                    assertThat(status).as(type + " " + role).isEqualTo(403);
                }
            }
        }
    }
}
