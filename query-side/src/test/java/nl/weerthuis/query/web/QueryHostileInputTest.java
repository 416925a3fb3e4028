package nl.weerthuis.query.web;

import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's input over hostile values: the subscription body (wrong types, control characters, duplicate
 * and unknown keys, broken and huge bodies), query parameters (control characters, dates outside the window) and odd
 * paths. Every one is refused with problem+json, none gets a 5xx, and no subscription is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class QueryHostileInputTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PARTNER = "33333333";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostile_subscription_bodies_are_refused_and_store_nothing() throws Exception {
        String valid = "{\"callbackUrl\":\"https://partner.example/hook\",\"eventTypes\":[\"nl.weerthuis.\"],\"authorization\":\"Bearer x\"}";
        List<String> bodies = new ArrayList<>(List.of("", "{", "[]", "null", "{}x",
                valid.replace("{", "{\"unknown\":1,"),
                valid.replace("\"authorization\"", "\"callbackUrl\":\"https://partner.example/hook\",\"authorization\""),
                valid.replace("\"https://partner.example/hook\"", "12345"),
                valid.replace("\"https://partner.example/hook\"", "\"https://partner.example/\\u0000\""),
                valid.replace("\"https://partner.example/hook\"", "\"https://partner.example/\\nhook\""),
                valid.replace("\"https://partner.example/hook\"", "\"\\ud800\""),
                valid.replace("[\"nl.weerthuis.\"]", "\"nl.weerthuis.\""),
                valid.replace("[\"nl.weerthuis.\"]", "[1]"),
                valid.replace("[\"nl.weerthuis.\"]", "[\"nl.weerthuis.\\u0085\"]"),
                valid.replace("\"Bearer x\"", "true"),
                valid.replace("\"Bearer x\"", "\"Bearer \\u0007\""),
                valid.replace("\"Bearer x\"", "\"" + "x".repeat(2001) + "\""),
                valid.replace("{", "{\"padding\":\"" + "x".repeat(3_000_000) + "\",")));
        List<String> failures = new ArrayList<>();
        for (String body : bodies) {
            HttpResponse<String> response = send("POST", "/api/v1/subscriptions", body, partner());
            check(response, body, failures);
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM partner_subscription WHERE organisation = ?", Long.class, PARTNER))
                .isZero();
    }

    @Test
    void hostile_parameters_and_paths_are_refused_as_problem_json() throws Exception {
        String admin = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN");
        List<String> paths = List.of("/api/v1/monitor/outflow?region=a%00b", "/api/v1/monitor/outflow?region=a%0Ab",
                "/api/v1/monitor/outflow?municipality=%C2%85", "/api/v1/monitor/outflow?from=%2B999999999-12-31",
                "/api/v1/monitor/outflow?from=0001-01-01&to=2026-01-01", "/api/v1/monitor/outflow?to=9999-12-31",
                "/api/v1/monitor/outflow?from=2026-01-10T00:00", "/api/v1/monitor/outflow?groupBy=%00",
                "/api/v1/monitor/registered-clients?region=%00", "/api/v1/events?after=%00", "/api/v1/events?limit=1.5",
                "/api/v1/clients/%00/history", "/api/v1/clients/a%2Fb/history", "/api/v1/clients/%ZZ/history".replace("%ZZ", "%25ZZ"),
                "/api/v1/admin/projections/%00", "/api/v1/admin/projections/a%2Fb/dead-letters",
                "/api/v1/clients/x/history?asOf=%2B999999999-12-31T00:00:00Z");
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            check(send("GET", path, null, admin), path, failures);
        }
        assertThat(failures).isEmpty();
    }

    private static void check(HttpResponse<String> response, String what, List<String> failures) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() < 400 || response.statusCode() >= 500 || !contentType.startsWith("application/problem+json")) {
            String shown = what.length() > 100 ? what.substring(0, 100) + "…" : what;
            failures.add(shown + " -> " + response.statusCode() + " " + contentType + " "
                    + response.body().substring(0, Math.min(200, response.body().length())));
        }
    }

    private static String partner() {
        return TestTokens.token(PARTNER, "HOUSING_CORPORATION", "PARTNER_SYSTEM");
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
