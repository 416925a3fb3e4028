package nl.weerthuis.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.identity.OrganisationId;
import nl.weerthuis.kernel.identity.OrganisationType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The query side is an OAuth2 resource server. Every endpoint has an explicit rule; anything not listed is denied.
 * Roles come from the {@code roles} claim, the organisation type from {@code org_type}.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                writeProblem(json, response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required");
        AccessDeniedHandler denied = (request, response, e) ->
                writeProblem(json, response, HttpStatus.FORBIDDEN, "Your role does not allow this");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**",
                                "/api/v1/openapi.json").permitAll()
                        // Spring's error page: denying it turned every unexpected failure (500) into a misleading 403.
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/audit/**", "/assets/**", "/webjars/**", "/favicon.ico").permitAll()
                        // Histories: auditors, or a client their own (checked in the controller, 404 otherwise).
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/history", "/api/v1/clients/*/disclosures")
                            .hasAnyRole("AUDITOR", "CLIENT")
                        // A client's file: caseworkers of involved organisations (checked in the controller, 404 otherwise).
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/file").hasRole("CASEWORKER")
                        .requestMatchers(HttpMethod.GET, "/api/v1/clients/*/agreements").hasRole("CLIENT")
                        .requestMatchers(HttpMethod.GET, "/api/v1/integrity", "/api/v1/integrity/checkpoints",
                                "/api/v1/integrity/checkpoints/*").hasAnyRole("AUDITOR", "ADMIN")
                        // Checkpoint public keys are published: they let anyone check a checkpoint, and sign nothing.
                        .requestMatchers(HttpMethod.GET, "/api/v1/integrity/signing-keys").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        // Partner systems manage their own subscriptions and read their own organisation's feed.
                        .requestMatchers("/api/v1/subscriptions", "/api/v1/subscriptions/*").hasRole("PARTNER_SYSTEM")
                        .requestMatchers(HttpMethod.GET, "/api/v1/events").hasRole("PARTNER_SYSTEM")
                        // Documentation of the events' data: holds no data itself.
                        .requestMatchers(HttpMethod.GET, "/api/v1/event-schemas/*").permitAll()
                        // Aggregates only: monitors see small cells suppressed, administrators exact counts.
                        .requestMatchers(HttpMethod.GET, "/api/v1/monitor/**").hasAnyRole("MONITOR", "ADMIN")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
        return http.build();
    }

    static JwtAuthenticationToken authentication(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        authorities.add(new SimpleGrantedAuthority("ORG_TYPE_" + jwt.getClaimAsString("org_type")));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** Embedded default: tokens signed with a shared secret (the launcher's {@code token} command makes them). */
    @Bean
    @ConditionalOnProperty("weerthuis.security.jwt-secret")
    JwtDecoder embeddedJwtDecoder(@Value("${weerthuis.security.jwt-secret}") String secret,
                                  @Value("${weerthuis.security.jwt-issuer:weerthuis-embedded}") String issuer) {
        if (secret.length() < 32) {
            throw new IllegalStateException("weerthuis.security.jwt-secret must be at least 32 characters");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), SecurityConfiguration::hasOrganisation));
        return decoder;
    }

    /** Production: the issuer's key set (e.g. Keycloak), with the same claim checks as the embedded default. */
    @Bean
    @ConditionalOnProperty("weerthuis.security.jwk-set-uri")
    JwtDecoder issuerJwtDecoder(@Value("${weerthuis.security.jwk-set-uri}") String jwkSetUri,
                                @Value("${weerthuis.security.jwt-issuer}") String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), SecurityConfiguration::hasOrganisation));
        return decoder;
    }

    /** A token must name a valid organisation and organisation type: every rule depends on them. */
    static OAuth2TokenValidatorResult hasOrganisation(Jwt jwt) {
        String type = jwt.getClaimAsString("org_type");
        boolean knownType = type != null && java.util.Arrays.stream(OrganisationType.values())
                .anyMatch(t -> t.name().equals(type));
        if (OrganisationId.isValid(jwt.getClaimAsString("org")) && knownType && jwt.getSubject() != null) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token must carry sub, org (OIN or KvK) and org_type", null));
    }

    private static void writeProblem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                                     HttpStatus status, String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
