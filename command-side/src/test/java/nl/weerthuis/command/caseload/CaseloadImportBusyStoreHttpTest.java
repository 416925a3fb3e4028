package nl.weerthuis.command.caseload;

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
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import whose burst finds no moment to append alone (an append stays in flight, here held open on purpose) is
 * refused with 503 problem+json and Retry-After, records nothing, and can be sent again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "weerthuis.event-store.burst-lock-wait=PT2S")
@ActiveProfiles("test")
class CaseloadImportBusyStoreHttpTest {

    private final nl.weerthuis.testsupport.OwnThreads threads = new nl.weerthuis.testsupport.OwnThreads();

    @org.junit.jupiter.api.AfterEach
    void stopThreads() {
        threads.close();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    private final String region = "Busy-" + UUID.randomUUID();
    private final String municipality = TestTokens.token(TestTokens.MUNICIPALITY, "MUNICIPALITY", "CASEWORKER");

    private ResponseEntity<String> post(String path, MediaType type, String body) {
        return post(path, type, body, null);
    }

    private ResponseEntity<String> post(String path, MediaType type, String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        headers.setContentType(type);
        headers.setBearerAuth(municipality);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void an_import_that_cannot_append_alone_is_refused_with_503_and_records_nothing() throws Exception {
        post("/api/v1/regional-agreements", MediaType.APPLICATION_JSON, CaseloadImportHttpTest.agreementOf(region));
        String csv = CaseloadImportHttpTest.HEADER + "\n" + CaseloadImportHttpTest.notReady("C-1");

        // An append in flight that does not end while the import tries (as a transaction stuck open would).
        CountDownLatch holding = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<Void> inFlight = threads.run(() -> transactions.executeWithoutResult(status -> {
            jdbc.execute("SELECT pg_advisory_xact_lock_shared(hashtext('weerthuis.event-append'))");
            holding.countDown();
            try {
                assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> refused;
        try {
            refused = post("/api/v1/caseload-imports?region=" + region, MediaType.parseMediaType("text/csv"), csv, key);
        } finally {
            release.countDown();
        }
        inFlight.get(30, TimeUnit.SECONDS);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(503);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lookup_client WHERE region = ?", Long.class, region))
                .as("nothing of the batch recorded").isZero();

        // Sent again with the same Idempotency-Key: the refusal left no outcome behind for that key.
        ResponseEntity<String> again = post("/api/v1/caseload-imports?region=" + region, MediaType.parseMediaType("text/csv"),
                csv, key);
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(201);
    }
}
