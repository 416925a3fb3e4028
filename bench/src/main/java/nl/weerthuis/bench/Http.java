package nl.weerthuis.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** JSON over HTTP with a bearer token; each call reports its status, body and latency. */
public final class Http {

    public record Response(int status, String body, long nanos) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Response post(String url, String token, String json) {
        return post(url, token, json, Map.of());
    }

    public Response post(String url, String token, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response get(String url, String token) {
        return get(url, token, Map.of());
    }

    public Response get(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Response(-1, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted", System.nanoTime() - start);
        }
    }
}
