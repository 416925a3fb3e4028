package nl.weerthuis.command.web;

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
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
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
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static nl.weerthuis.kernel.identity.OrganisationType.CARE_PROVIDER;
import static nl.weerthuis.kernel.identity.OrganisationType.HOUSING_CORPORATION;
import static nl.weerthuis.kernel.identity.OrganisationType.MUNICIPALITY;
import static nl.weerthuis.kernel.identity.OrganisationType.NEIGHBOURHOOD_TEAM;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasAnyAuthority;
import static org.springframework.security.authorization.AuthorityAuthorizationManager.hasRole;

/**
 * The command side is an OAuth2 resource server. Every endpoint has an explicit rule; anything not listed is denied.
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
                        .requestMatchers(HttpMethod.POST, "/api/v1/clients", "/api/v1/clients/*/outflow-trajectory",
                                "/api/v1/clients/*/trajectory-closure", "/api/v1/clients/*/consents",
                                "/api/v1/clients/*/consent-withdrawals", "/api/v1/clients/*/case-coordination")
                            .access(caseworkerOf(MUNICIPALITY))
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
                        // Erasure is irreversible: a privileged officer of the municipality (the controller) only.
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/clients/*/personal-data")
                            .access(AuthorizationManagers.allOf(hasRole("ADMIN"), hasAnyAuthority("ORG_TYPE_" + MUNICIPALITY.name())))
                        // Re-wrapping keys discloses nothing and changes no data: the installation's administrators.
                        .requestMatchers(HttpMethod.POST, "/api/v1/admin/key-encryption-key/rewrap").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)));
        return http.build();
    }

    static AuthorizationManager<RequestAuthorizationContext> caseworkerOf(OrganisationType... types) {
        String[] authorities = java.util.Arrays.stream(types).map(type -> "ORG_TYPE_" + type.name()).toArray(String[]::new);
        return AuthorizationManagers.allOf(hasRole("CASEWORKER"), hasAnyAuthority(authorities));
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
