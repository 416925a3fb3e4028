package nl.weerthuis.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

import java.time.Duration;

/**
 * How bearer tokens are verified ({@code weerthuis.security.*}): RS256/ES256 signatures by an OpenID Connect issuer's
 * keys, never a shared secret. Exactly one source of keys: the issuer's discovery document ({@code issuer-uri}, read
 * when the first token arrives, so the application starts before its issuer), its key set ({@code jwk-set-uri}), or
 * one RSA public key in a PEM file ({@code public-key-location}, for an installation whose issuer publishes no key
 * set).
 *
 * @param issuerUri        an OIDC issuer (the embedded identity provider, Keycloak's realm URL, ...); also the
 *                         {@code iss} a token must carry
 * @param jwtIssuer        the {@code iss} a token must carry when no {@code issuer-uri} is set
 * @param maxTokenLifetime longest accepted lifetime, from {@code iat} (or now) to {@code exp}
 * @param audience         when set, the {@code aud} a token must carry
 */
@ConfigurationProperties("weerthuis.security")
public record TokenSettings(String issuerUri, String jwkSetUri, Resource publicKeyLocation,
                            @DefaultValue("weerthuis-embedded") String jwtIssuer,
                            @DefaultValue("PT1H") Duration maxTokenLifetime, String audience) {

    /** The issuer every accepted token names. */
    public String expectedIssuer() {
        return issuerUri != null && !issuerUri.isBlank() ? issuerUri : jwtIssuer;
    }
}
