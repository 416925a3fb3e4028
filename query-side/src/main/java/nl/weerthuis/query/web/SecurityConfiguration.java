package nl.weerthuis.query.web;

import nl.weerthuis.web.Actors;
import nl.weerthuis.web.ApiSecurity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAuthority;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;
import static org.springframework.security.authorization.AuthorizationManagers.anyOf;

/**
 * Who may call which query endpoint, by role; every endpoint has an explicit rule (the shared {@link ApiSecurity}
 * refuses one without). Which client's data a reader may see — involvement, remit, their own — is decided where
 * the data is read, answering 404 for what is not theirs. Tokens, headers and problem+json are {@code web-support}'s.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security,
                            @Value("${weerthuis.login.issuer:${weerthuis.security.issuer-uri:${weerthuis.security.jwt-issuer:}}}") String issuer)
            throws Exception {
        // The pages' scripts talk to this application and, to log in, to the issuer's token endpoint.
        String connect = ("connect-src 'self' " + LoginConfiguration.originOf(issuer)).trim();
        return security.build(http, "default-src 'self'; " + connect + "; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
                rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/api/v1/openapi.json").permitAll()
                        // Where the pages log in (assets/login.js): the issuer's address and their client id.
                        .requestMatchers(HttpMethod.GET, "/login/configuration").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/audit/**", "/assets/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        // Histories and disclosures: auditors within their remit, or a client their own.
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/history", "/api/v1/clients/*/disclosures")
                            .hasAnyRole("AUDITOR", "CLIENT")
                        // A client's file: caseworkers of involved organisations (404 otherwise).
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/file").hasRole("CASEWORKER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/agreements").hasRole("CLIENT")
                        // Running the system is the operator's: an ADMIN of the operating organisation only
                        // (weerthuis.operator.organisation), never an ADMIN of a partner.
                        .requestMatchers(HttpMethod.GET, "/api/v1/integrity", "/api/v1/integrity/checkpoints",
                                "/api/v1/integrity/checkpoints/*")
                            .access(anyOf(hasRole("AUDITOR"), hasAuthority(Actors.OPERATOR_ADMIN)))
                        // Checkpoint public keys are published: they let anyone check a checkpoint, and sign nothing.
                        .requestMatchers(HttpMethod.GET, "/api/v1/integrity/signing-keys").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/projections/*", "/api/v1/admin/dead-letters",
                                "/api/v1/admin/projections/*/dead-letters")
                            .hasAuthority(Actors.OPERATOR_ADMIN)
                        // Events a read model parked (issue 14): listed, retried and evicted by the operator.
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/projections/*/dead-letters/*/retry")
                            .hasAuthority(Actors.OPERATOR_ADMIN)
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/admin/projections/*/dead-letters/*")
                            .hasAuthority(Actors.OPERATOR_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/projections/*/rebuild",
                                "/api/v1/admin/dead-letters/*/*/replay", "/api/v1/admin/integrity/checkpoints")
                            .hasAuthority(Actors.OPERATOR_ADMIN)
                        // Partner systems manage their own subscriptions and read their own organisation's feed.
                        .requestMatchers(HttpMethod.GET, "/api/v1/subscriptions", "/api/v1/subscriptions/*")
                            .hasRole("PARTNER_SYSTEM")
                        .requestMatchers(HttpMethod.POST, "/api/v1/subscriptions").hasRole("PARTNER_SYSTEM")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/subscriptions/*").hasRole("PARTNER_SYSTEM")
                        .requestMatchers(HttpMethod.GET, "/api/v1/events").hasRole("PARTNER_SYSTEM")
                        // The organisation register (issue 17) and the register of processing activities: not secret,
                        // for anyone who is signed in.
                        .requestMatchers(HttpMethod.GET, "/api/v1/organisations", "/api/v1/organisations/*",
                                "/api/v1/processing-activities", "/api/v1/processing-activities/*").authenticated()
                        // Documentation of the events' data: holds no data itself.
                        .requestMatchers(HttpMethod.GET, "/api/v1/event-schemas/*").permitAll()
                        // Aggregates only: monitors see small cells suppressed, the operator's administrators exact counts.
                        .requestMatchers(HttpMethod.GET, "/api/v1/monitor/outflow", "/api/v1/monitor/definitions",
                                "/api/v1/monitor/registered-clients")
                            .access(anyOf(hasRole("MONITOR"), hasAuthority(Actors.OPERATOR_ADMIN))));
    }
}
