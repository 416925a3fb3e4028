package nl.weerthuis.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The embedded default's OpenID Connect issuer; in production Keycloak (or any OIDC issuer) takes its place. */
@SpringBootApplication
@EnableConfigurationProperties(IdentitySettings.class)
public class IdentityProviderApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityProviderApplication.class, args);
    }
}
