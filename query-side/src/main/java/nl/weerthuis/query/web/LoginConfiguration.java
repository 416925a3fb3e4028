package nl.weerthuis.query.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;

/**
 * Tells the pages (assets/login.js) where they log in: the OpenID Connect issuer and their public client id. It
 * belongs to the pages, not to the API, so it is not in the OpenAPI document. The same issuer is the one the tokens
 * must come from, unless {@code weerthuis.login.issuer} names another address of it.
 */
@RestController
@Hidden
class LoginConfiguration {

    private final String issuer;
    private final String clientId;

    LoginConfiguration(@Value("${weerthuis.login.issuer:${weerthuis.security.issuer-uri:${weerthuis.security.jwt-issuer:}}}") String issuer,
                       @Value("${weerthuis.login.client-id:weerthuis-pages}") String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    @GetMapping(value = "/login/configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> configuration() {
        return Map.of("issuer", issuer, "clientId", clientId);
    }

    /** The issuer's origin, which the pages' scripts may call (the content security policy's connect-src). */
    static String originOf(String issuer) {
        try {
            URI uri = URI.create(issuer);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException notAnAddress) {
            return "";
        }
    }
}
