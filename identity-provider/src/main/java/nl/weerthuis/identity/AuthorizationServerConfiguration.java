package nl.weerthuis.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Spring Authorization Server with OpenID Connect: the pages' public client (authorization code, PKCE required,
 * no client secret, no refresh token), the launcher's confidential client (client credentials), a login form,
 * RP-initiated logout, and CORS for the pages' scripts on the discovery, key set and token endpoints.
 */
@Configuration
class AuthorizationServerConfiguration {

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .cors(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                // A browser that is not logged in yet is sent to the login page; a script gets a 401.
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain login(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/login", "/login.css", "/actuator/health", "/actuator/health/**",
                                "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .cors(Customizer.withDefaults())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    People people(IdentitySettings settings, PasswordEncoder passwords) {
        return new People(settings.users(), passwords);
    }

    @Bean
    RegisteredClientRepository clients(IdentitySettings settings, PasswordEncoder passwords) {
        List<RegisteredClient> clients = new ArrayList<>();
        IdentitySettings.Pages pages = settings.pages();
        TokenSettings shortLived = TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenLifetime()).build();
        if (pages != null && pages.redirectUris() != null && !pages.redirectUris().isEmpty()) {
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(IdentitySettings.PAGES_CLIENT)
                    .clientName("Weer Thuis dashboard and timeline")
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUris(uris -> uris.addAll(pages.redirectUris()))
                    .postLogoutRedirectUris(uris -> uris.addAll(pages.postLogoutRedirectUris() == null
                            ? List.of() : pages.postLogoutRedirectUris()))
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    // Consent is the organisation's, not the person's: no consent page.
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                    .tokenSettings(shortLived)
                    .build());
        }
        if (settings.launcherClientSecret() != null && !settings.launcherClientSecret().isBlank()) {
            if (settings.launcherClientSecret().length() < 32) {
                throw new IllegalStateException("weerthuis.identity.launcher-client-secret must be at least 32 characters");
            }
            clients.add(RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(IdentitySettings.LAUNCHER_CLIENT)
                    .clientName("Weer Thuis launcher (./weerthuis token)")
                    .clientSecret(passwords.encode(settings.launcherClientSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofHours(1)).build())
                    .build());
        }
        if (clients.isEmpty()) {
            throw new IllegalStateException("no client: set weerthuis.identity.pages.redirect-uris or launcher-client-secret");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(IdentitySettings settings) {
        return new ImmutableJWKSet<>(new JWKSet(SigningKey.loadOrCreate(settings.signingKey())));
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> organisationClaims(People people, IdentitySettings settings) {
        return new OrganisationClaims(people, settings.audience());
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(IdentitySettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        List<String> origins = settings.pages() == null || settings.pages().allowedOrigins() == null
                ? List.of() : settings.pages().allowedOrigins();
        cors.setAllowedOriginPatterns(origins);
        cors.setAllowedMethods(List.of("GET", "POST"));
        cors.setAllowedHeaders(List.of("Content-Type", "Accept"));
        cors.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        for (String path : List.of("/.well-known/**", "/oauth2/token", "/oauth2/jwks", "/userinfo")) {
            source.registerCorsConfiguration(path, cors);
        }
        return source;
    }
}
