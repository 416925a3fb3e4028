package nl.weerthuis.web;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRulesTest {

    /** Now: the issuer and timestamp checks Spring adds read the system clock. */
    static final Instant NOW = Instant.now();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final TokenSettings SETTINGS = new TokenSettings(null, null, null, "weerthuis-embedded", Duration.ofHours(1), null);

    private static Jwt token(Consumer<Map<String, Object>> change) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("iss", "weerthuis-embedded");
        claims.put("sub", "person");
        claims.put("org", "00000001001234567000");
        claims.put("org_type", "MUNICIPALITY");
        claims.put("roles", List.of("CASEWORKER"));
        claims.put("iat", NOW.minusSeconds(60));
        claims.put("exp", NOW.plusSeconds(600));
        change.accept(claims);
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "HS256");
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static boolean accepted(TokenSettings settings, Consumer<Map<String, Object>> change) {
        OAuth2TokenValidator<Jwt> validator = TokenRules.validator(settings, CLOCK);
        return !validator.validate(token(change)).hasErrors();
    }

    private static boolean accepted(Consumer<Map<String, Object>> change) {
        return accepted(SETTINGS, change);
    }

    @Test
    void a_well_formed_token_is_accepted() {
        assertThat(accepted(claims -> { })).isTrue();
        assertThat(accepted(claims -> claims.put("roles", List.of("AUDITOR", "CLIENT")))).isTrue();
        assertThat(accepted(claims -> claims.put("exp", NOW.minusSeconds(60).plus(Duration.ofHours(1))))).isTrue();
    }

    @Test
    void exp_is_required_and_the_lifetime_capped() {
        assertThat(accepted(claims -> claims.remove("exp"))).isFalse();
        assertThat(accepted(claims -> claims.put("exp", NOW.plus(Duration.ofHours(2))))).as("iat + 2h").isFalse();
        assertThat(accepted(claims -> {
            claims.remove("iat");
            claims.put("exp", NOW.plus(Duration.ofDays(365)));
        })).as("no iat, a year left").isFalse();
        assertThat(accepted(claims -> {
            claims.put("iat", NOW.plus(Duration.ofDays(300)));
            claims.put("exp", NOW.plus(Duration.ofDays(300)).plusSeconds(60));
        })).as("an iat in the future does not stretch the cap").isFalse();
        assertThat(accepted(claims -> {
            claims.put("iat", NOW.minusSeconds(1200));
            claims.put("exp", NOW.minusSeconds(600));
        })).as("expired").isFalse();
    }

    @Test
    void the_cap_is_configurable() {
        TokenSettings longer = new TokenSettings(null, null, null, "weerthuis-embedded", Duration.ofHours(8), null);
        assertThat(accepted(longer, claims -> claims.put("exp", NOW.plus(Duration.ofHours(2))))).isTrue();
    }

    @Test
    void roles_must_be_an_array_of_known_roles() {
        assertThat(accepted(claims -> claims.put("roles", "CASEWORKER"))).as("a plain string").isFalse();
        assertThat(accepted(claims -> claims.put("roles", List.of("CASEWORKER", "GOD")))).isFalse();
        assertThat(accepted(claims -> claims.put("roles", List.of()))).isFalse();
        assertThat(accepted(claims -> claims.remove("roles"))).isFalse();
        assertThat(accepted(claims -> claims.put("roles", List.of(1)))).isFalse();
    }

    @Test
    void the_organisation_subject_and_issuer_are_required() {
        assertThat(accepted(claims -> claims.remove("org"))).isFalse();
        assertThat(accepted(claims -> claims.put("org", "123"))).isFalse();
        assertThat(accepted(claims -> claims.put("org_type", "BANK"))).isFalse();
        assertThat(accepted(claims -> claims.remove("org_type"))).isFalse();
        assertThat(accepted(claims -> claims.remove("sub"))).isFalse();
        assertThat(accepted(claims -> claims.put("iss", "someone-else"))).isFalse();
        assertThat(accepted(claims -> claims.put("client_id", List.of("a", "b")))).isFalse();
    }

    @Test
    void the_audience_is_checked_when_configured() {
        TokenSettings withAudience = new TokenSettings(null, null, null, "weerthuis-embedded", Duration.ofHours(1), "weerthuis");
        assertThat(accepted(withAudience, claims -> { })).isFalse();
        assertThat(accepted(withAudience, claims -> claims.put("aud", List.of("other")))).isFalse();
        assertThat(accepted(withAudience, claims -> claims.put("aud", List.of("weerthuis")))).isTrue();
        assertThat(accepted(claims -> claims.put("aud", List.of("other")))).as("not configured: not checked").isTrue();
    }
}
