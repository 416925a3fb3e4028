package nl.weerthuis.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;

/**
 * Wires the shared security for whichever application has this module on its class path. The token decoder is
 * the pluggable part: an OIDC issuer's discovered keys, its key set, one public key, or any {@link JwtDecoder} bean an application
 * defines itself — every one of them validates with {@link TokenRules}.
 */
// Before Boot's converters too: the strict JSON converter (StrictInputConfiguration) takes the place of Boot's own.
@AutoConfiguration(beforeName = {"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration",
        // and before Boot's error page, which steps aside for ours (ProblemErrorPage)
        "org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration"})
@EnableConfigurationProperties({TokenSettings.class, OperatorSettings.class})
@org.springframework.context.annotation.Import({StrictInputConfiguration.class, nl.weerthuis.web.openapi.ApiDocumentation.class})
public class WebSupportAutoConfiguration {

    @Bean
    ProblemJson securityProblems(ObjectMapper json) {
        return new ProblemJson(json);
    }

    @Bean
    ProblemErrorPage problemErrorPage(ProblemJson problems) {
        return new ProblemErrorPage(problems);
    }

    @Bean
    UnmappedRequests unmappedRequests(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        return new UnmappedRequests(mappings);
    }

    @Bean
    UnknownPaths unknownPaths(UnmappedRequests unmapped) {
        return new UnknownPaths(unmapped);
    }

    @Bean
    ApiSecurity apiSecurity(ProblemJson problems, UnmappedRequests unmapped, OperatorSettings operator) {
        return new ApiSecurity(problems, unmapped, operator);
    }

    /** Spring's strict firewall, its header rules as loops (see {@link HeaderCharacters}); Spring Security takes this bean. */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        return HeaderCharacters.firewall();
    }

    @Bean
    FilterRegistrationBean<ApiVersionHeader> apiVersionHeader() {
        FilterRegistrationBean<ApiVersionHeader> registration = new FilterRegistrationBean<>(new ApiVersionHeader());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** After the security chain (its headers are on the 404 too), REQUEST dispatches only. */
    @Bean
    FilterRegistrationBean<ErrorPageRequests> errorPageRequests(ProblemJson problems) {
        FilterRegistrationBean<ErrorPageRequests> registration = new FilterRegistrationBean<>(new ErrorPageRequests(problems));
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
        registration.setOrder(0);
        return registration;
    }

    /** An OpenID Connect issuer (the embedded identity provider, Keycloak, ...): its keys found by discovery. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("weerthuis.security.issuer-uri")
    JwtDecoder discoveredJwtDecoder(TokenSettings settings) {
        // Lazy: the application starts (and answers its health check) while its issuer is still starting.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuerUri());
            return remembering(decoder, settings);
        });
    }

    /** An issuer's key set, named directly, with the same token rules. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("weerthuis.security.jwk-set-uri")
    JwtDecoder issuerJwtDecoder(TokenSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                .jwsAlgorithms(algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.ES256);
                })
                .build();
        return remembering(decoder, settings);
    }

    /** One RSA public key from a PEM file (the test installation's, or an issuer without a key set): RS256 only. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("weerthuis.security.public-key-location")
    JwtDecoder publicKeyJwtDecoder(TokenSettings settings) throws IOException {
        RSAPublicKey key;
        try (InputStream pem = settings.publicKeyLocation().getInputStream()) {
            key = RsaKeyConverters.x509().convert(pem);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        return remembering(decoder, settings);
    }

    /** The decoder checking {@link TokenRules}, its verified tokens remembered briefly ({@link VerifiedTokens}). */
    private static JwtDecoder remembering(NimbusJwtDecoder decoder, TokenSettings settings) {
        var rules = TokenRules.validator(settings, Clock.systemUTC());
        decoder.setJwtValidator(rules);
        return new VerifiedTokens(decoder, rules, Clock.systemUTC());
    }
}
