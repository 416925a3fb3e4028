package nl.weerthuis.command.web;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.web.Actors;
import nl.weerthuis.web.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Arrays;

import static nl.weerthuis.kernel.identity.OrganisationType.CARE_PROVIDER;
import static nl.weerthuis.kernel.identity.OrganisationType.HOUSING_CORPORATION;
import static nl.weerthuis.kernel.identity.OrganisationType.MUNICIPALITY;
import static nl.weerthuis.kernel.identity.OrganisationType.NEIGHBOURHOOD_TEAM;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAnyAuthority;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;

/**
 * Who may call which command endpoint, by role and organisation type; every endpoint has an explicit rule (the
 * shared {@link ApiSecurity} refuses one without). Whether the caller's organisation is involved with the client is
 * decided for every command on the command bus ({@code lookup.OnlyTheInvolved}). Tokens, headers and problem+json
 * are the shared module's ({@code web-support}).
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.build(http, "default-src 'none'; frame-ancestors 'none'", rules -> {
            rules.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                            "/api/v1/openapi.json").permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/v1/clients", "/api/v1/clients/*/outflow-trajectory",
                            "/api/v1/clients/*/trajectory-closure", "/api/v1/clients/*/consents",
                            "/api/v1/clients/*/consent-withdrawals", "/api/v1/clients/*/case-coordination")
                        .access(caseworkerOf(MUNICIPALITY))
                    // The coordination point: the client's municipality or the holder of procesregie (the rule
                    // in the Client aggregate says which of them).
                    .requestMatchers(HttpMethod.POST, "/api/v1/clients/*/housing-requests",
                            "/api/v1/clients/*/housing-request-withdrawals")
                        .access(caseworkerOf(MUNICIPALITY, NEIGHBOURHOOD_TEAM, CARE_PROVIDER))
                    .requestMatchers(HttpMethod.POST, "/api/v1/clients/*/arrangement-checklist",
                            "/api/v1/clients/*/housing-wishes")
                        .access(caseworkerOf(MUNICIPALITY, CARE_PROVIDER, NEIGHBOURHOOD_TEAM))
                    .requestMatchers(HttpMethod.POST, "/api/v1/clients/*/monitoring-reviews")
                        .access(caseworkerOf(MUNICIPALITY, CARE_PROVIDER, NEIGHBOURHOOD_TEAM, HOUSING_CORPORATION))
                    .requestMatchers(HttpMethod.POST, "/api/v1/clients/*/return-to-care")
                        .access(caseworkerOf(MUNICIPALITY, CARE_PROVIDER))
                    // The corporation offers its own dwellings, signs and flips its own leases.
                    .requestMatchers(HttpMethod.POST, "/api/v1/tenancies", "/api/v1/tenancies/*/contract",
                            "/api/v1/tenancies/*/flip")
                        .access(caseworkerOf(HOUSING_CORPORATION))
                    .requestMatchers(HttpMethod.POST, "/api/v1/tenancies/*/acceptance", "/api/v1/tenancies/*/refusal",
                            "/api/v1/tenancies/*/end")
                        .access(caseworkerOf(MUNICIPALITY, HOUSING_CORPORATION))
                    .requestMatchers(HttpMethod.POST, "/api/v1/tenancies/*/move-in")
                        .access(caseworkerOf(HOUSING_CORPORATION, CARE_PROVIDER))
                    .requestMatchers(HttpMethod.POST, "/api/v1/tenancies/*/agreements", "/api/v1/tenancies/*/flip-schedule",
                            "/api/v1/tenancies/*/flip-approvals")
                        .access(caseworkerOf(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER))
                    .requestMatchers(HttpMethod.POST, "/api/v1/tenancies/*/signals", "/api/v1/tenancies/*/signals/*/*")
                        .access(caseworkerOf(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM))
                    .requestMatchers(HttpMethod.POST, "/api/v1/tenancies/*/signal-override")
                        .access(caseworkerOf(MUNICIPALITY, CARE_PROVIDER))
                    // Indications are the municipality's decisions; the waakvlam is its neighbourhood team's work.
                    .requestMatchers(HttpMethod.POST, "/api/v1/care-indications", "/api/v1/care-indications/*/scaling",
                            "/api/v1/care-indications/*/extension", "/api/v1/care-indications/*/end")
                        .access(caseworkerOf(MUNICIPALITY))
                    .requestMatchers(HttpMethod.POST, "/api/v1/care-indications/*/waakvlam-contacts",
                            "/api/v1/care-indications/*/waakvlam-end")
                        .access(caseworkerOf(MUNICIPALITY, NEIGHBOURHOOD_TEAM))
                    .requestMatchers(HttpMethod.POST, "/api/v1/regional-agreements", "/api/v1/regional-agreements/*/*")
                        .access(caseworkerOf(MUNICIPALITY))
                    // The current version of a resource (id and version only), for the first If-Match; the
                    // involvement of the caller's organisation is checked as for commands (CommandDispatch).
                    .requestMatchers(HttpMethod.GET, "/api/v1/clients/*", "/api/v1/tenancies/*",
                            "/api/v1/care-indications/*", "/api/v1/regional-agreements/*")
                        .access(caseworkerOf(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM))
                    .requestMatchers(HttpMethod.HEAD, "/api/v1/clients/*", "/api/v1/tenancies/*",
                            "/api/v1/care-indications/*", "/api/v1/regional-agreements/*")
                        .access(caseworkerOf(MUNICIPALITY, HOUSING_CORPORATION, CARE_PROVIDER, NEIGHBOURHOOD_TEAM))
                    // The central intake brings its region's existing caseload in (issue 16).
                    .requestMatchers(HttpMethod.POST, "/api/v1/caseload-imports")
                        .access(caseworkerOf(MUNICIPALITY))
                    // Erasure is irreversible: a privileged officer of the municipality (the controller) only.
                    .requestMatchers(HttpMethod.DELETE, "/api/v1/clients/*/personal-data")
                        .access(AuthorizationManagers.allOf(hasRole("ADMIN"), hasAnyAuthority("ORG_TYPE_" + MUNICIPALITY.name())))
                    // Re-wrapping keys discloses nothing and changes no data: the installation's administrators.
                    // Running the installation is the operator's ADMIN's only (weerthuis.operator.organisation).
                    .requestMatchers(HttpMethod.POST, "/api/v1/admin/key-encryption-key/rewrap")
                        .hasAuthority(Actors.OPERATOR_ADMIN)
                    // The organisation register is the operator's to keep (issue 17); names are read on the query side.
                    .requestMatchers(HttpMethod.POST, "/api/v1/organisations", "/api/v1/organisations/*/*")
                        .hasAuthority(Actors.OPERATOR_ADMIN)
                    .requestMatchers(HttpMethod.GET, "/api/v1/organisations/*").hasAuthority(Actors.OPERATOR_ADMIN)
                    .requestMatchers(HttpMethod.HEAD, "/api/v1/organisations/*").hasAuthority(Actors.OPERATOR_ADMIN);
        });
    }

    static AuthorizationManager<RequestAuthorizationContext> caseworkerOf(OrganisationType... types) {
        String[] authorities = Arrays.stream(types).map(type -> "ORG_TYPE_" + type.name()).toArray(String[]::new);
        return AuthorizationManagers.allOf(hasRole("CASEWORKER"), hasAnyAuthority(authorities));
    }
}
