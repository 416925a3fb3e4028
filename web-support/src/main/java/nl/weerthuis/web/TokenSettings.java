package nl.weerthuis.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How bearer tokens are verified ({@code weerthuis.security.*}). Exactly one source of keys: the embedded default's
 * HS256 {@code jwt-secret} (the launcher's {@code token} command signs with it) or an issuer's {@code jwk-set-uri}.
 *
 * @param maxTokenLifetime longest accepted lifetime, from {@code iat} (or now) to {@code exp}
 * @param audience         when set, the {@code aud} a token must carry
 */
@ConfigurationProperties("weerthuis.security")
public record TokenSettings(String jwtSecret, String jwkSetUri, @DefaultValue("weerthuis-embedded") String jwtIssuer,
                            @DefaultValue("PT1H") Duration maxTokenLifetime, String audience) {
}
