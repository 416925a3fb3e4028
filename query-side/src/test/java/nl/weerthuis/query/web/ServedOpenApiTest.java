package nl.weerthuis.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.ApiCalls;
import nl.weerthuis.testsupport.ServedContract;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's OpenAPI document as served (written to target/openapi for CI's ADR lint), and real answers held
 * against it: reads of read models (200), strict-input refusals of parameters, headers and bodies (400), no token
 * (401), the wrong role (403) and unknown resources (404), each documented for its operation with its body's schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class ServedOpenApiTest {

    @LocalServerPort
    int port;

    private ServedContract contract;
    private ApiCalls calls;

    @BeforeEach
    void served() throws Exception {
        calls = new ApiCalls(port);
        HttpResponse<String> served = send("GET", "/api/v1/openapi.json", null, null, Map.of());
        assertThat(served.statusCode()).isEqualTo(200);
        contract = ServedContract.served("query-side", served.body());
    }

    @Test
    void the_document_names_its_version_server_and_scheme_and_public_operations_need_no_token() {
        JsonNode document = contract.document();
        assertThat(document.at("/info/version").asText()).isEqualTo(nl.weerthuis.web.ApiVersionHeader.VERSION);
        assertThat(document.at("/servers/0/url").asText()).endsWith("/api/v1");
        assertThat(document.at("/security/0/bearer").isArray()).isTrue();
        assertThat(document.at("/paths/~1event-schemas~1{type}/get/security").isEmpty()).isTrue();
        assertThat(document.at("/paths/~1event-schemas~1{type}/get/responses/401").isMissingNode()).isTrue();
        assertThat(document.at("/paths/~1monitor~1registered-clients/get/responses/401/content/application~1problem+json")
                .isMissingNode()).isFalse();
        assertThat(document.at("/components/schemas/SubscribeRequest/properties/callbackUrl/maxLength").asInt()).isEqualTo(2000);
    }

    @Test
    void real_answers_fit_the_published_contract() throws Exception {
        String partner = TestTokens.token(TestTokens.CORPORATION, "HOUSING_CORPORATION", "PARTNER_SYSTEM");
        String monitor = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "MONITOR");
        String caseworker = TestTokens.municipalCaseworker();

        assertThat(checked("GET", "/api/v1/subscriptions", partner, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(checked("GET", "/api/v1/subscriptions/" + UUID.randomUUID(), partner, null, Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(checked("POST", "/api/v1/subscriptions", partner,
                "{\"callbackUrl\":\"https://partner.example/hook\",\"eventTypes\":[\"nl.weerthuis.\"],\"colour\":1}", Map.of())
                .statusCode()).isEqualTo(400);

        assertThat(checked("GET", "/api/v1/monitor/registered-clients", monitor, null, Map.of()).statusCode()).isEqualTo(200);
        assertThat(checked("GET", "/api/v1/monitor/registered-clients?region=" + "x".repeat(101), monitor, null, Map.of())
                .statusCode()).isEqualTo(400);
        assertThat(checked("GET", "/api/v1/monitor/registered-clients", null, null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(checked("GET", "/api/v1/subscriptions", monitor, null, Map.of()).statusCode()).isEqualTo(403);

        assertThat(checked("GET", "/api/v1/clients/" + UUID.randomUUID() + "/file", caseworker, null, Map.of())
                .statusCode()).isEqualTo(400);
        assertThat(checked("GET", "/api/v1/event-schemas/nl.weerthuis.nothing", null, null, Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void an_undocumented_status_or_a_body_that_does_not_fit_breaks_the_contract() {
        Map<String, List<String>> json = Map.of("Content-Type", List.of("application/json"), "API-Version", List.of("1.0.0"));
        assertThat(contract.problems("GET", "/api/v1/subscriptions", 200, json, "[]")).isEmpty();
        assertThat(contract.problems("GET", "/api/v1/subscriptions", 200, json, "{\"subscriptions\":[]}")).isNotEmpty();
        assertThat(contract.problems("GET", "/api/v1/subscriptions", 409, json, "[]")).anyMatch(p -> p.contains("not documented"));
        assertThat(contract.problems("GET", "/api/v1/subscriptions", 200, Map.of("Content-Type", List.of("text/html"),
                "API-Version", List.of("1.0.0")), "<p>")).anyMatch(p -> p.contains("media type"));
    }

    private HttpResponse<String> checked(String method, String path, String token, String body, Map<String, String> headers) {
        return calls.checked(contract, method, path, token, body, headers);
    }

    private HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers) {
        return calls.send(method, path, token, body, headers);
    }
}
