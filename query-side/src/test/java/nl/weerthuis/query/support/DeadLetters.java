package nl.weerthuis.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

/** A read model's parked events, as an administrator lists, retries and evicts them over HTTP. */
public record DeadLetters(TestRestTemplate http, ObjectMapper json, String readModel) {

    /** The parked events of one client (their sequence). */
    public List<JsonNode> of(String client) throws Exception {
        List<JsonNode> parked = new ArrayList<>();
        json.readTree(call(HttpMethod.GET, path()).getBody()).forEach(letter -> {
            if (letter.get("sequence").asText().equals(client)) {
                parked.add(letter);
            }
        });
        return parked;
    }

    public ResponseEntity<String> retry(String client) {
        return call(HttpMethod.POST, path() + "/" + client + "/retry");
    }

    public void evict(String client) {
        call(HttpMethod.DELETE, path() + "/" + client);
    }

    private String path() {
        return "/api/v1/admin/projections/" + readModel + "/dead-letters";
    }

    private ResponseEntity<String> call(HttpMethod method, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "ADMIN"));
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }
}
