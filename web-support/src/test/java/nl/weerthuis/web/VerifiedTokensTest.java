package nl.weerthuis.web;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token verified a moment ago is not verified again, but the token rules still hold on every use: an expired one
 * is refused, and another token string (a forged signature is one) is verified on its own.
 */
class VerifiedTokensTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-01-05T10:00:00Z"));
    private final Instant expires = Instant.parse("2026-01-05T10:05:00Z");
    private final List<String> verifiedTokens = new ArrayList<>();
    /** Stands in for the signature check: "signed" tokens verify, anything else does not. */
    private final JwtDecoder verifying = token -> {
        verifiedTokens.add(token);
        if (!token.startsWith("signed")) {
            throw new BadJwtException("bad signature");
        }
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "RS256").subject("person")
                .expiresAt(expires).build();
        OAuth2TokenValidatorResult checked = rules().validate(jwt);
        if (checked.hasErrors()) {
            throw new JwtValidationException("expired", checked.getErrors());
        }
        return jwt;
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifying, rules(), clock);

    @Test
    void the_same_token_again_is_not_verified_again() {
        Jwt first = tokens.decode("signed-1");
        assertThat(tokens.decode("signed-1")).isSameAs(first);
        assertThat(verifiedTokens).containsExactly("signed-1");
    }

    @Test
    void a_remembered_token_that_expired_is_refused() {
        tokens.decode("signed-1");
        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> tokens.decode("signed-1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void another_token_string_is_verified_on_its_own() {
        tokens.decode("signed-1");
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifiedTokens).containsExactly("signed-1", "forged-1", "forged-1");
    }

    @Test
    void a_token_is_verified_again_once_its_while_is_over() {
        tokens.decode("signed-1");
        clock.advance(VerifiedTokens.REMEMBERED_FOR);
        tokens.decode("signed-1");
        assertThat(verifiedTokens).containsExactly("signed-1", "signed-1");
    }

    private OAuth2TokenValidator<Jwt> rules() {
        return jwt -> jwt.getExpiresAt().isAfter(clock.instant()) ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null));
    }

    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
