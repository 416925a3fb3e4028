package nl.weerthuis.web;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A decoder that remembers, for a short while, the tokens whose signature it verified: a caller sends the same token
 * with every request, and parsing it and checking an RSA signature is a good part of what a small command costs.
 * Only the exact same token string is recognised, and {@link TokenRules} are checked again on every use, so one that
 * expired meanwhile is refused as before. A token is remembered for {@link #REMEMBERED_FOR} at most, shorter than
 * an issuer's key set is cached anyway: a key the issuer withdraws stops being honoured about as soon as it would
 * without this.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBERED_FOR = Duration.ofSeconds(60);
    private static final int MAX_REMEMBERED = 10_000;

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> rules;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant until) {
    }

    VerifiedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> rules, Clock clock) {
        this.verifying = verifying;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Verified known = verified.get(token);
        if (known != null && known.until().isAfter(clock.instant()) && !rules.validate(known.jwt()).hasErrors()) {
            return known.jwt();
        }
        verified.remove(token);
        Jwt jwt = verifying.decode(token);
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, clock.instant().plus(REMEMBERED_FOR)));
        return jwt;
    }
}
