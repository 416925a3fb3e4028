package nl.weerthuis.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded issuer over HTTP: the launcher's client-credentials tokens carry exactly the claims it names, signed
 * by the published key and for our audience; claims the applications would refuse are refused here already; the
 * pages' public client must use PKCE; the login page is served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "weerthuis.identity.issuer=http://127.0.0.1:1",
        "weerthuis.identity.launcher-client-secret=" + IdentityProviderTest.SECRET,
        "weerthuis.identity.pages.redirect-uris=http://127.0.0.1:8082/",
        "weerthuis.identity.pages.allowed-origins=http://127.0.0.1:8082"})
class IdentityProviderTest {

    static final String SECRET = "a-launcher-secret-of-at-least-32-characters";

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry registry) throws Exception {
        Path key = Files.createTempDirectory("weerthuis-idp-test").resolve("signing-key.pem");
        registry.add("weerthuis.identity.signing-key", key::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private ResponseEntity<String> token(String secret, Map<String, String> parameters) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("weerthuis-launcher", secret);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        parameters.forEach(form::add);
        return http.postForEntity("/oauth2/token", new HttpEntity<>(form, headers), String.class);
    }

    @Test
    void the_launchers_token_carries_the_claims_it_names_signed_by_the_published_key() throws Exception {
        ResponseEntity<String> response = token(SECRET, Map.of("org", "00000001001234567000", "org_type", "MUNICIPALITY",
                "roles", "CASEWORKER,ADMIN", "subject", "weerthuis-import", "ttl", "120"));
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        SignedJWT jwt = SignedJWT.parse(json.readTree(response.getBody()).get("access_token").asText());
        RSAKey published = (RSAKey) JWKSet.parse(http.getForObject("/oauth2/jwks", String.class)).getKeys().get(0);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(published.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:1");
        assertThat(claims.getAudience()).contains("weerthuis");
        assertThat(claims.getSubject()).isEqualTo("weerthuis-import");
        assertThat(claims.getStringClaim("org")).isEqualTo("00000001001234567000");
        assertThat(claims.getStringClaim("org_type")).isEqualTo("MUNICIPALITY");
        assertThat(claims.getStringListClaim("roles")).containsExactly("CASEWORKER", "ADMIN");
        assertThat(claims.getClaim("client_id")).as("no client binding unless asked").isNull();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isLessThanOrEqualTo(120_000);
    }

    @Test
    void claims_the_applications_would_refuse_are_refused_and_a_wrong_secret_gets_nothing() throws Exception {
        for (Map<String, String> bad : List.of(
                Map.of("org", "123", "org_type", "MUNICIPALITY", "roles", "CASEWORKER"),
                Map.of("org", "12345678", "org_type", "BANK", "roles", "CASEWORKER"),
                Map.of("org", "12345678", "org_type", "HOUSING_CORPORATION", "roles", "ROOT"),
                Map.of("org", "12345678", "org_type", "HOUSING_CORPORATION"),
                Map.of("org", "12345678", "org_type", "HOUSING_CORPORATION", "roles", "CLIENT", "client", "not a client id"))) {
            ResponseEntity<String> response = token(SECRET, bad);
            assertThat(response.getStatusCode().value()).as(bad.toString()).isEqualTo(400);
            assertThat(json.readTree(response.getBody()).get("error").asText()).isEqualTo("invalid_request");
        }
        assertThat(token("wrong-secret", Map.of("org", "12345678", "org_type", "HOUSING_CORPORATION", "roles", "CASEWORKER"))
                .getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void the_pages_client_must_use_pkce_and_the_login_page_is_served() throws Exception {
        // Not followed: the answer is a redirect back to the page, with the error.
        java.net.http.HttpResponse<String> withoutPkce = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(http.getRootUri() + "/oauth2/authorize?response_type=code"
                        + "&client_id=weerthuis-pages&redirect_uri=http://127.0.0.1:8082/&scope=openid&state=s")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location").orElse(""))
                .as("sent back with an error, not to a login").startsWith("http://127.0.0.1:8082/")
                .contains("error=invalid_request", "code_challenge");
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody()).contains("<html lang=\"nl\">", "<label for=\"username\">", "<label for=\"password\">",
                "name=\"_csrf\"");
    }

    @Test
    void the_discovery_document_names_the_issuer_and_its_endpoints() throws Exception {
        JsonNode discovery = json.readTree(http.getForObject("/.well-known/openid-configuration", String.class));
        assertThat(discovery.get("issuer").asText()).isEqualTo("http://127.0.0.1:1");
        assertThat(discovery.get("end_session_endpoint").asText()).endsWith("/connect/logout");
        assertThat(discovery.get("code_challenge_methods_supported").toString()).contains("S256");
    }
}
