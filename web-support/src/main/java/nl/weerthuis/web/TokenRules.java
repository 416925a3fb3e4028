package nl.weerthuis.web;

import nl.weerthuis.kernel.identity.OrganisationId;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What every accepted token must be, whoever issued it: signed (the decoder checks), from the configured issuer,
 * unexpired with an {@code exp} and a lifetime within the cap, for our audience when one is configured, naming
 * a person or system ({@code sub}), a valid organisation ({@code org}, {@code org_type}) and {@code roles} as an array
 * of known roles. Anything else is 401: every rule downstream depends on these claims meaning what they say.
 */
public final class TokenRules {

    /** Clocks of issuer and server differ a little; the same allowance as Spring's timestamp check. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private TokenRules() {
    }

    public static OAuth2TokenValidator<Jwt> validator(TokenSettings settings, Clock clock) {
        List<OAuth2TokenValidator<Jwt>> rules = new ArrayList<>();
        rules.add(JwtValidators.createDefaultWithIssuer(settings.expectedIssuer()));
        rules.add(jwt -> lifetime(jwt, settings.maxTokenLifetime(), clock));
        if (settings.audience() != null && !settings.audience().isBlank()) {
            rules.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.audience())
                    ? OAuth2TokenValidatorResult.success() : invalid("the token is not for this audience"));
        }
        rules.add(TokenRules::claims);
        return new DelegatingOAuth2TokenValidator<>(rules);
    }

    static OAuth2TokenValidatorResult lifetime(Jwt jwt, Duration max, Clock clock) {
        Instant expires = jwt.getExpiresAt();
        if (expires == null) {
            return invalid("the token must carry exp");
        }
        Instant issued = jwt.getIssuedAt();
        if (issued != null && Duration.between(issued, expires).compareTo(max) > 0) {
            return invalid("the token lives longer than " + max);
        }
        // Without iat, or with an iat in the future, the time left must still be within the cap.
        if (Duration.between(clock.instant(), expires).compareTo(max.plus(CLOCK_SKEW)) > 0) {
            return invalid("the token lives longer than " + max);
        }
        return OAuth2TokenValidatorResult.success();
    }

    static OAuth2TokenValidatorResult claims(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return invalid("the token must name its subject (sub)");
        }
        if (!(jwt.getClaims().get("org") instanceof String org) || !OrganisationId.isValid(org)) {
            return invalid("the token must carry org: an OIN or KvK number");
        }
        if (!(jwt.getClaims().get("org_type") instanceof String type)
                || Arrays.stream(OrganisationType.values()).noneMatch(t -> t.name().equals(type))) {
            return invalid("the token must carry org_type: one of " + Arrays.toString(OrganisationType.values()));
        }
        Object roles = jwt.getClaims().get("roles");
        if (!(roles instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(TokenRules::knownRole)) {
            return invalid("roles must be an array of known roles: " + Arrays.toString(Role.values()));
        }
        Object clientId = jwt.getClaims().get("client_id");
        if (clientId != null && !(clientId instanceof String)) {
            return invalid("client_id must be a string");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static boolean knownRole(Object role) {
        return role instanceof String name && Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name));
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
