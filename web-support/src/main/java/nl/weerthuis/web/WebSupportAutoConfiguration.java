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
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Wires the shared security for whichever application has this module on its class path. The token decoder is
 * the pluggable part: the embedded HS256 secret, an issuer's key set, or any {@link JwtDecoder} bean an application
 * defines itself — every one of them validates with {@link TokenRules}.
 */
// Before Boot's converters too: the strict JSON converter (StrictInputConfiguration) takes the place of Boot's own.
@AutoConfiguration(beforeName = {"org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration"})
@EnableConfigurationProperties({TokenSettings.class, OperatorSettings.class})
@org.springframework.context.annotation.Import({StrictInputConfiguration.class, nl.weerthuis.web.openapi.ApiDocumentation.class})
public class WebSupportAutoConfiguration {

    @Bean
    ProblemJson securityProblems(ObjectMapper json) {
        return new ProblemJson(json);
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

    /** Embedded default: tokens signed with a shared secret (the launcher's {@code token} command makes them). */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("weerthuis.security.jwt-secret")
    JwtDecoder embeddedJwtDecoder(TokenSettings settings) {
        if (settings.jwtSecret().length() < 32) {
            throw new IllegalStateException("weerthuis.security.jwt-secret must be at least 32 characters");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(settings.jwtSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(TokenRules.validator(settings, Clock.systemUTC()));
        return decoder;
    }

    /** Production: the issuer's key set (e.g. Keycloak), with the same token rules as the embedded default. */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("weerthuis.security.jwk-set-uri")
    JwtDecoder issuerJwtDecoder(TokenSettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
        decoder.setJwtValidator(TokenRules.validator(settings, Clock.systemUTC()));
        return decoder;
    }
}
