package nl.weerthuis.query.web;

import nl.weerthuis.web.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call which query endpoint, by role; every endpoint has an explicit rule (the shared {@link ApiSecurity}
 * refuses one without). Which client's data a reader may see — involvement, remit, their own — is decided where
 * the data is read, answering 404 for what is not theirs. Tokens, headers and problem+json are {@code web-support}'s.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.build(http, "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
                rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/api/v1/openapi.json").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/audit/**", "/assets/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        // Histories and disclosures: auditors within their remit, or a client their own.
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/history", "/api/v1/clients/*/disclosures")
                            .hasAnyRole("AUDITOR", "CLIENT")
                        // A client's file: caseworkers of involved organisations (404 otherwise).
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/file").hasRole("CASEWORKER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/agreements").hasRole("CLIENT")
                        .requestMatchers(HttpMethod.GET, "/api/v1/integrity").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/admin/projections/*", "/api/v1/admin/dead-letters",
                                "/api/v1/admin/projections/*/dead-letters")
                            .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/projections/*/rebuild",
                                "/api/v1/admin/dead-letters/*/*/replay", "/api/v1/admin/projections/*/dead-letters/*/retry")
                            .hasRole("ADMIN")
                        // Parked events of a read model (issue 14): evicting drops them for good.
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/admin/projections/*/dead-letters/*").hasRole("ADMIN")
                        // Partner systems manage their own subscriptions and read their own organisation's feed.
                        .requestMatchers(HttpMethod.GET, "/api/v1/subscriptions", "/api/v1/subscriptions/*")
                            .hasRole("PARTNER_SYSTEM")
                        .requestMatchers(HttpMethod.POST, "/api/v1/subscriptions").hasRole("PARTNER_SYSTEM")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/subscriptions/*").hasRole("PARTNER_SYSTEM")
                        .requestMatchers(HttpMethod.GET, "/api/v1/events").hasRole("PARTNER_SYSTEM")
                        // Documentation of the events' data: holds no data itself.
                        .requestMatchers(HttpMethod.GET, "/api/v1/event-schemas/*").permitAll()
                        // Aggregates only: monitors see small cells suppressed, administrators exact counts.
                        .requestMatchers(HttpMethod.GET, "/api/v1/monitor/outflow", "/api/v1/monitor/definitions",
                                "/api/v1/monitor/registered-clients")
                            .hasAnyRole("MONITOR", "ADMIN"));
    }
}
