package nl.weerthuis.query.web;

import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Unknown paths are 404, wrong methods 405, both problem+json; every response carries HSTS and the API version. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(nl.weerthuis.query.support.EventStoreFirst.class)
class WebBoundaryHttpTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + " " + response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void an_unknown_path_or_a_trailing_slash_is_a_404_with_any_method() throws Exception {
        String admin = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN");
        for (String token : new String[]{admin, null}) {
            problem(send("GET", "/api/v1/nothing-here", token), 404);
            problem(send("POST", "/api/v1/nothing-here", token), 404);
            problem(send("GET", "/api/v1/monitor/outflow/", token), 404);
            problem(send("GET", "/api/v1/integrity/", token), 404);
            problem(send("DELETE", "/assets/nothing.js", token), 404);
        }
    }

    @Test
    void springs_error_page_asked_for_directly_is_a_404_not_a_500() throws Exception {
        for (String token : new String[]{TestTokens.municipalCaseworker(), null}) {
            for (String method : new String[]{"GET", "POST", "DELETE"}) {
                HttpResponse<String> response = send(method, "/error", token);
                problem(response, 404);
                assertThat(response.body()).doesNotContain("999");
                assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
            }
            problem(send("GET", "/error/", token), 404);
        }
    }

    @Test
    void a_wrong_method_on_a_known_path_is_a_405() throws Exception {
        for (String token : new String[]{TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"), null}) {
            problem(send("POST", "/api/v1/monitor/outflow", token), 405);
            problem(send("DELETE", "/api/v1/events", token), 405);
            problem(send("PUT", "/api/v1/subscriptions", token), 405);
        }
    }

    @Test
    void every_response_carries_hsts_and_the_api_version_also_over_plain_http() throws Exception {
        for (HttpResponse<String> response : new HttpResponse[]{send("GET", "/", null), send("GET", "/actuator/health", null),
                send("GET", "/api/v1/integrity", null), send("GET", "/api/v1/nothing", null),
                send("GET", "/api/v1/integrity", TestTokens.municipalCaseworker())}) {
            assertThat(response.headers().firstValue("Strict-Transport-Security").orElse(""))
                    .as(response.uri() + " " + response.statusCode()).contains("max-age=31536000");
            assertThat(response.headers().firstValue("API-Version")).as(response.uri().toString()).contains("1.0.0");
        }
    }

    @Test
    void the_openapi_document_does_not_ask_callers_for_their_actor() throws Exception {
        HttpResponse<String> openapi = send("GET", "/api/v1/openapi.json", null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(openapi.body()).doesNotContain("\"caller\"").contains("X-Processing-Activity");
    }
}
