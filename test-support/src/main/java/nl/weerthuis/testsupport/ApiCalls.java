package nl.weerthuis.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Raw HTTP calls to an application under test, as a partner's client would make them (no Spring client that fixes
 * headers or bodies up): a JSON body when there is one, a bearer token when given, any further headers as given.
 */
public final class ApiCalls {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String origin;

    public ApiCalls(int port) {
        this.origin = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@link #send}, and the answer must be one the served document promises for that operation. */
    public HttpResponse<String> checked(ServedContract contract, String method, String path, String token, String body,
                                        Map<String, String> headers) {
        HttpResponse<String> response = send(method, path, token, body, headers);
        contract.check(method, path, response.statusCode(), response.headers().map(), response.body());
        return response;
    }
}
