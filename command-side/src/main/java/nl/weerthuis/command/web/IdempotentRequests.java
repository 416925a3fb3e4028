package nl.weerthuis.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import nl.weerthuis.kernel.privacy.KeyEncryptionKeys;
import nl.weerthuis.kernel.privacy.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import nl.weerthuis.kernel.identity.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Makes a state-changing request safe to repeat under the same {@code Idempotency-Key}: the outcome is recorded in
 * the same transaction as the events the request appended, so either both exist or neither does. A repeat gets the
 * first outcome back and appends nothing; a failed request records nothing and may be retried.
 */
@Component
@org.springframework.scheduling.annotation.EnableScheduling
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final SecretBox fingerprints;
    private final java.time.Duration retention;

    IdempotentRequests(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json,
                       KeyEncryptionKeys keyEncryptionKeys,
                       @Value("${weerthuis.idempotency.retention:P7D}") java.time.Duration retention) {
        this.retention = retention;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        // A request may carry a name or BSN: its fingerprint is a keyed hash, not a guessable plain digest.
        this.fingerprints = new SecretBox(keyEncryptionKeys, "idempotency-fingerprint");
    }

    public ResponseEntity<Object> once(String key, Actor caller, Object request, Supplier<ResponseEntity<Object>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new InvalidIdempotencyKey("Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        // Keys are scoped per organisation: one organisation's key never reveals another's outcome.
        String scopedKey = caller.organisation() + ":" + key;
        String fingerprint = fingerprints.hash(fingerprinted(request));
        try {
            return transaction.execute(status -> {
                jdbc.update("INSERT INTO idempotent_request (scoped_key, fingerprint, recorded_at) VALUES (?, ?, ?)",
                        scopedKey, fingerprint, Timestamp.from(Instant.now()));
                ResponseEntity<Object> outcome = action.get();
                jdbc.update("UPDATE idempotent_request SET status = ?, body = ?, etag = ?, location = ? WHERE scoped_key = ?",
                        outcome.getStatusCode().value(), write(outcome.getBody()), outcome.getHeaders().getETag(),
                        outcome.getHeaders().getLocation() == null ? null : outcome.getHeaders().getLocation().toString(),
                        scopedKey);
                return outcome;
            });
        } catch (DuplicateKeyException repeated) {
            return firstOutcome(scopedKey, request);
        }
    }

    private ResponseEntity<Object> firstOutcome(String scopedKey, Object request) {
        // Also a fingerprint taken under the previous key-encryption key, during its rotation.
        List<String> fingerprints = this.fingerprints.hashes(fingerprinted(request));
        List<ResponseEntity<Object>> found = jdbc.query(
                "SELECT fingerprint, status, body, etag, location FROM idempotent_request WHERE scoped_key = ?",
                (row, n) -> {
                    if (!fingerprints.contains(row.getString("fingerprint"))) {
                        throw new InvalidIdempotencyKey("this Idempotency-Key was used before for a different request");
                    }
                    var first = ResponseEntity.status(HttpStatus.valueOf(row.getInt("status")));
                    if (row.getString("etag") != null) {
                        first.eTag(row.getString("etag"));
                    }
                    if (row.getString("location") != null) {
                        first.location(java.net.URI.create(row.getString("location")));
                    }
                    return first.body(read(row.getString("body")));
                }, scopedKey);
        return found.stream().findFirst()
                .orElseThrow(() -> new InvalidIdempotencyKey("this Idempotency-Key is in use by a request in progress"));
    }

    /**
     * A key protects against repeats for {@code weerthuis.idempotency.retention} (default 7 days, well past any
     * client's retry schedule); after that its record is purged and the key may be used again.
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${weerthuis.idempotency.purge-interval:PT1H}")
    public int purgeExpired() {
        return jdbc.update("DELETE FROM idempotent_request WHERE recorded_at < ?",
                Timestamp.from(Instant.now().minus(retention)));
    }

    private String fingerprinted(Object request) {
        try {
            return request.getClass().getName() + json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(String body) {
        try {
            return json.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key is malformed or reused for another request: 422, and nothing is appended. */
    public static class InvalidIdempotencyKey extends RuntimeException {
        InvalidIdempotencyKey(String message) {
            super(message);
        }
    }
}
