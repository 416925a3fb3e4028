package nl.weerthuis.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The embedded issuer ({@code weerthuis.identity.*}).
 *
 * @param issuer                 the issuer's own address: the {@code iss} of its tokens and the base of its discovery
 * @param signingKey             PEM file of the RSA key tokens are signed with (made on first start when missing)
 * @param audience               added to every access token's {@code aud}: the applications check it
 * @param pages                  the dashboard and timeline: one public client (authorization code + PKCE)
 * @param launcherClientSecret   the launcher's client ({@code ./weerthuis token}, client credentials); off when blank
 * @param users                  the people who can log in, each of one organisation
 */
@ConfigurationProperties("weerthuis.identity")
public record IdentitySettings(String issuer, Path signingKey, @DefaultValue("weerthuis") String audience,
                               @DefaultValue("PT15M") Duration accessTokenLifetime,
                               Pages pages, String launcherClientSecret, List<Person> users) {

    public static final String PAGES_CLIENT = "weerthuis-pages";
    public static final String LAUNCHER_CLIENT = "weerthuis-launcher";

    /**
     * @param redirectUris           where the pages may be sent back to with a code
     * @param postLogoutRedirectUris where the pages may be sent after logout
     * @param allowedOrigins         origin patterns whose scripts may call the token and discovery endpoints (CORS)
     */
    public record Pages(List<String> redirectUris, List<String> postLogoutRedirectUris, List<String> allowedOrigins) {
    }

    /** A person of an organisation: their token's {@code org}, {@code org_type} and {@code roles}. */
    public record Person(String username, String password, String name, String organisation, String organisationName,
                         String organisationType, List<String> roles) {
    }
}
