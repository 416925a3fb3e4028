package nl.weerthuis.query.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.query.support.EventStoreFixture;
import nl.weerthuis.query.support.RegionRows;
import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilding the monitor from the event store, while the application runs, gives exactly the live figures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class ProjectionRebuildTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStoreFixture.Appender events;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate readStore;
    @org.springframework.beans.factory.annotation.Value("${weerthuis.processing.segments}")
    int segments;

    private ResponseEntity<String> call(HttpMethod method, String path, String role) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", role));
        return http.exchange(path, method, new HttpEntity<>(headers), String.class);
    }

    private String figures() {
        return call(HttpMethod.GET, "/api/v1/monitor/outflow?from=2020-01-01&to=2026-12-31&groupBy=region", "ADMIN").getBody();
    }

    @Test
    void a_rebuild_replays_the_monitor_to_exactly_the_same_figures() throws Exception {
        String region = "Rebuild-" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            String client = UUID.randomUUID().toString();
            events.append("Client", client, 0, new ClientRegisteredEvent(client, i % 2 == 0 ? CareSetting.SHELTER
                    : CareSetting.PROTECTED_HOUSING, "f", region, "Almelo", "87654321", LocalDate.of(2025, 1, 1 + i), null));
            events.append("Client", client, 1, new OutflowTrajectoryStartedEvent(client, CareSetting.SHELTER, region,
                    "Almelo", LocalDate.of(2025, 3, 1 + i)));
        }
        // Every one of the 24 events projected, not just the first: "caught up" stays true from earlier tests.
        await().atMost(Duration.ofSeconds(15)).until(() -> RegionRows.count(readStore, "monitor_care_stay", region) == 12
                && RegionRows.count(readStore, "monitor_trajectory", region) == 12 && RegionRows.count(readStore, "monitor_client_registration", region) == 12);
        String live = figures();
        // The read model drifts (a lost write, a bug fixed since): only a replay from the events can repair it.
        readStore.update("DELETE FROM monitor_care_stay WHERE region = ?", region);
        assertThat(json.readTree(figures())).isNotEqualTo(json.readTree(live));

        ResponseEntity<String> started = call(HttpMethod.POST, "/api/v1/admin/projections/monitor/rebuild", "ADMIN");
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = json.readTree(call(HttpMethod.GET, "/api/v1/admin/projections/monitor", "ADMIN").getBody());
            assertThat(progress.get("caughtUp").asBoolean()).isTrue();
            assertThat(json.readTree(figures())).isEqualTo(json.readTree(live));
        });

        // The new generation ran on one segment; the live processor carries on from its token on all of its own.
        assertThat(readStore.queryForObject("SELECT count(*) FROM query_token_entry WHERE processor_name = 'monitor'",
                Integer.class)).isEqualTo(segments);
        for (int i = 0; i < 40; i++) {
            String client = UUID.randomUUID().toString();
            events.append("Client", client, 0, new ClientRegisteredEvent(client, CareSetting.SHELTER, "f", region,
                    "Almelo", "87654321", LocalDate.of(2025, 6, 1), null));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> RegionRows.count(readStore, "monitor_client_registration", region) == 12 + 40);
    }

    @Test
    void only_administrators_rebuild_and_unknown_read_models_are_404() {
        for (String role : new String[]{"MONITOR", "AUDITOR", "CASEWORKER", "PARTNER_SYSTEM", "CLIENT"}) {
            assertThat(call(HttpMethod.POST, "/api/v1/admin/projections/monitor/rebuild", role).getStatusCode().value())
                    .as(role).isEqualTo(403);
        }
        assertThat(call(HttpMethod.GET, "/api/v1/admin/projections/nothing", "ADMIN").getStatusCode().value()).isEqualTo(404);
    }
}
