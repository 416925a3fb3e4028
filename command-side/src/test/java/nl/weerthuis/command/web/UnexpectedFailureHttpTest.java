package nl.weerthuis.command.web;

import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failure nothing expected (here a handler's bug; in life also a database gone away) ends at Spring's error page:
 * a 500 in the problem+json of every other error, naming nothing of its cause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(UnexpectedFailureHttpTest.Failing.class)
class UnexpectedFailureHttpTest {

    /** On a path the security rules let a caseworker read (a literal path wins over the client's {clientId}). */
    @RestController
    static class Failing {
        @GetMapping("/api/v1/clients/test-only-failure")
        void fail() {
            throw new IllegalStateException("the bug's own words");
        }
    }

    @LocalServerPort
    int port;

    @Test
    void an_unexpected_failure_is_a_500_problem_that_names_nothing_of_its_cause() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/clients/test-only-failure"))
                .header("Authorization", "Bearer " + TestTokens.municipalCaseworker())
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":500", "\"title\":\"Internal Server Error\"")
                .doesNotContain("bug's own words", "IllegalStateException", "timestamp", "trace", "test-only-failure");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }
}
