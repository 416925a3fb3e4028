package nl.weerthuis.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.ApiCalls;
import nl.weerthuis.testsupport.ServedContract;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's OpenAPI document as served (written to target/openapi for CI's ADR lint), and real answers held
 * against it: a create (201), a change (204), a version read (200), a strict-input refusal (400), a broken rule
 * (422), a stale version (409), an unknown resource (404) and no token (401) are each documented for their
 * operation, with their headers, and their bodies fit the documented schemas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ServedOpenApiTest {

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private final String caseworker = TestTokens.municipalCaseworker();
    private ServedContract contract;
    private ApiCalls calls;

    @BeforeEach
    void served() throws Exception {
        calls = new ApiCalls(port);
        HttpResponse<String> served = send("GET", "/api/v1/openapi.json", null, null, Map.of());
        assertThat(served.statusCode()).isEqualTo(200);
        contract = ServedContract.served("command-side", served.body());
    }

    @Test
    void the_document_names_its_version_contact_server_and_bearer_scheme_and_every_error_is_a_problem() {
        JsonNode document = contract.document();
        assertThat(document.at("/info/version").asText()).isEqualTo(nl.weerthuis.web.ApiVersionHeader.VERSION);
        assertThat(document.at("/info/contact/email").asText()).contains("@");
        assertThat(document.at("/servers/0/url").asText()).endsWith("/api/v1");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/components/schemas/ProblemDetails/required").toString())
                .contains("status", "title", "detail");
        List<String> undocumented = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            if (operation.getValue().path("summary").asText().isBlank()) {
                undocumented.add(name + ": no summary");
            }
            operation.getValue().path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().matches("[45]\\d\\d") && !response.getValue()
                        .at("/content/application~1problem+json/schema/$ref").asText().endsWith("/ProblemDetails")) {
                    undocumented.add(name + " " + response.getKey() + ": not problem+json");
                }
                if (response.getValue().at("/headers/API-Version").isMissingNode()) {
                    undocumented.add(name + " " + response.getKey() + ": no API-Version");
                }
            });
        }));
        assertThat(undocumented).isEmpty();
        // Derived from the request records: the strict input's bounds, enums and required fields.
        JsonNode register = document.at("/components/schemas/RegisterClientRequest");
        assertThat(register.at("/properties/facility/maxLength").asInt()).isEqualTo(200);
        assertThat(register.at("/properties/registeredOn/format").asText()).isEqualTo("date");
        assertThat(register.at("/properties/setting/enum").toString()).contains("SHELTER");
        assertThat(register.path("required").toString()).contains("registeredOn");
        assertThat(document.at("/components/schemas/CloseTrajectory/properties/grounds/maxLength").asInt()).isEqualTo(4000);
    }

    @Test
    void real_answers_fit_the_published_contract() throws Exception {
        String region = "Contract-" + UUID.randomUUID();
        String body = """
                {"setting":"SHELTER","facility":"De Brug","region":"%s","municipality":"Almelo",
                 "careProvider":"87654321","registeredOn":"2026-01-15"}""".formatted(region);
        HttpResponse<String> created = checked("POST", "/api/v1/clients", caseworker, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(created.statusCode()).isEqualTo(201);
        String clientId = json.readTree(created.body()).path("clientId").asText();

        assertThat(checked("GET", "/api/v1/clients/" + clientId, caseworker, null, Map.of()).statusCode()).isEqualTo(200);

        String start = "{\"startedOn\":\"2026-02-01\"}";
        String trajectory = "/api/v1/clients/" + clientId + "/outflow-trajectory";
        assertThat(checked("POST", trajectory, caseworker, start, Map.of("If-Match", "\"0\"")).statusCode()).isEqualTo(204);
        assertThat(checked("POST", trajectory, caseworker, start, Map.of()).statusCode()).isEqualTo(422);
        String wishes = "{\"wishes\":\"Near the station\",\"recordedOn\":\"2026-02-02\"}";
        assertThat(checked("POST", "/api/v1/clients/" + clientId + "/housing-wishes", caseworker, wishes,
                Map.of("If-Match", "\"0\"")).statusCode()).isEqualTo(409);

        String invalid = "{\"setting\":\"SHELTER\",\"facility\":\"" + "x".repeat(201) + "\",\"colour\":\"blue\"}";
        assertThat(checked("POST", "/api/v1/clients", caseworker, invalid, Map.of()).statusCode()).isEqualTo(400);
        assertThat(checked("GET", "/api/v1/clients/" + UUID.randomUUID(), caseworker, null, Map.of()).statusCode()).isEqualTo(404);
        assertThat(checked("POST", "/api/v1/clients", null, body, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void an_undocumented_status_or_a_body_that_does_not_fit_breaks_the_contract() {
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                "API-Version", List.of("1.0.0"), "ETag", List.of("\"0\""), "Location", List.of("/api/v1/clients/x"));
        String id = "{\"clientId\":\"" + UUID.randomUUID() + "\"}";
        assertThat(contract.problems("POST", "/api/v1/clients", 201, headers, id)).isEmpty();
        assertThat(contract.problems("POST", "/api/v1/clients", 200, headers, id)).anyMatch(p -> p.contains("not documented"));
        assertThat(contract.problems("POST", "/api/v1/clients", 201, headers, "{\"id\":\"x\"}")).isNotEmpty();
        assertThat(contract.problems("POST", "/api/v1/clients", 201, Map.of("Content-Type", List.of("application/json")), id))
                .anyMatch(p -> p.contains("header"));
        assertThat(contract.problems("POST", "/api/v1/clients", 400,
                Map.of("Content-Type", List.of("application/problem+json"), "API-Version", List.of("1.0.0")),
                "{\"status\":400,\"title\":\"Invalid input\"}")).isNotEmpty();
    }

    private HttpResponse<String> checked(String method, String path, String token, String body, Map<String, String> headers) {
        return calls.checked(contract, method, path, token, body, headers);
    }

    private HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers) {
        return calls.send(method, path, token, body, headers);
    }
}
