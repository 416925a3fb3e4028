package nl.weerthuis.command.web;

import nl.weerthuis.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency records expire after the retention (default P7D): the purge removes older ones and keeps the rest. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotencyExpiryTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotentRequests idempotentRequests;

    @Test
    void records_older_than_the_retention_are_purged_and_the_key_then_counts_as_new() {
        String key = UUID.randomUUID().toString();
        String body = """
                {"setting":"SHELTER","facility":"MO","region":"Expiry","municipality":"Almelo",
                 "careProvider":"87654321","registeredOn":"2026-01-05"}""";
        ResponseEntity<String> first = post(key, body);
        String recent = UUID.randomUUID().toString();
        post(recent, body);
        String scoped = TestTokens.MUNICIPALITY + ":" + key;
        jdbc.update("UPDATE idempotent_request SET recorded_at = ? WHERE scoped_key = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(7)).minusSeconds(60)), scoped);

        idempotentRequests.purgeExpired();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotent_request WHERE scoped_key = ?", Long.class, scoped))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotent_request WHERE scoped_key = ?", Long.class,
                TestTokens.MUNICIPALITY + ":" + recent)).isEqualTo(1);
        ResponseEntity<String> again = post(key, body);
        assertThat(again.getStatusCode().value()).isEqualTo(201);
        assertThat(again.getBody()).isNotEqualTo(first.getBody());
    }

    private ResponseEntity<String> post(String key, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.municipalCaseworker());
        headers.set("Idempotency-Key", key);
        return http.exchange("/api/v1/clients", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
