package nl.weerthuis.web;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * The security filter chain both applications share: a stateless OAuth2 resource server whose tokens pass
 * {@link TokenRules}, refusals as problem+json, the ADR security headers — HSTS on every response, also over plain
 * HTTP behind a TLS-terminating proxy — and each application's own request rules, followed by
 * {@link UnmappedRequests} so that an endpoint without a rule is refused and a path without an endpoint is a 404.
 */
public final class ApiSecurity {

    private final ProblemJson problems;
    private final UnmappedRequests unmapped;
    private final OperatorSettings operator;

    public ApiSecurity(ProblemJson problems, UnmappedRequests unmapped, OperatorSettings operator) {
        this.problems = problems;
        this.unmapped = unmapped;
        this.operator = operator;
    }

    public SecurityFilterChain build(HttpSecurity http, String contentSecurityPolicy,
                                     Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(registry -> {
                    // Spring's error page: denying it turned every unexpected failure (500) into a misleading 403.
                    registry.requestMatchers("/error").permitAll();
                    rules.customize(registry);
                    registry.anyRequest().access(unmapped);
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(token -> Actors.authentication(token, operator.organisation())))
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.denied()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.denied()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)
                                .requestMatcher(AnyRequestMatcher.INSTANCE)));
        return http.build();
    }
}
