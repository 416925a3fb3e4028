package nl.weerthuis.command.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Many callers change one aggregate at the same moment: one wins, the others are told, no update is lost. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConflictingCommandsHttpTest {

    private static final int CALLERS = 16;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void with_if_match_on_one_version_exactly_one_caller_wins_and_the_others_get_409() throws Exception {
        String client = register();
        List<Integer> statuses = concurrently(i -> post("/api/v1/clients/" + client + "/housing-wishes", """
                {"wishes":"wish %d","recordedOn":"2025-02-01"}""".formatted(i), "\"0\""));

        assertThat(statuses.stream().filter(s -> s == 204).count()).isOne();
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(CALLERS - 1);
        assertThat(eventTypesOf(client)).containsExactly("ClientRegisteredEvent", "HousingWishesRecordedEvent");
    }

    @Test
    void without_if_match_the_rule_decides_once_and_nothing_is_recorded_twice() throws Exception {
        String client = register();
        List<Integer> statuses = concurrently(i -> post("/api/v1/clients/" + client + "/outflow-trajectory",
                "{\"startedOn\":\"2025-02-01\"}", null));

        assertThat(statuses.stream().filter(s -> s == 204).count()).isOne();
        assertThat(statuses).allMatch(s -> s == 204 || s == 409 || s == 422);
        assertThat(eventTypesOf(client)).containsExactly("ClientRegisteredEvent", "OutflowTrajectoryStartedEvent");
    }

    @Test
    void concurrent_different_changes_without_if_match_are_all_kept() throws Exception {
        String client = register();
        List<Integer> statuses = concurrently(i -> post("/api/v1/clients/" + client + "/housing-wishes", """
                {"wishes":"wish %d","recordedOn":"2025-02-01"}""".formatted(i), null));

        long accepted = statuses.stream().filter(s -> s == 204).count();
        assertThat(statuses).allMatch(s -> s == 204 || s == 409);
        Map<String, Long> recorded = eventTypesOf(client).stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        assertThat(recorded.get("HousingWishesRecordedEvent")).as("every acknowledged change is in the store").isEqualTo(accepted);
    }

    private List<Integer> concurrently(Function<Integer, Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            int n = i;
            results.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return call.apply(n);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        return statuses;
    }

    private String register() throws Exception {
        String body = """
                {"setting":"SHELTER","facility":"MO","region":"Conflicts","municipality":"Almelo","careProvider":"87654321",
                 "registeredOn":"2025-01-02"}""";
        return json.readTree(http.exchange("/api/v1/clients", HttpMethod.POST, new HttpEntity<>(body, headers(null)),
                String.class).getBody()).get("clientId").asText();
    }

    private int post(String path, String body, String ifMatch) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers(ifMatch)), String.class)
                .getStatusCode().value();
    }

    private static HttpHeaders headers(String ifMatch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.municipalCaseworker());
        if (ifMatch != null) {
            headers.set("If-Match", ifMatch);
        }
        return headers;
    }

    private List<String> eventTypesOf(String aggregate) {
        return jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                String.class, aggregate).stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
    }
}
