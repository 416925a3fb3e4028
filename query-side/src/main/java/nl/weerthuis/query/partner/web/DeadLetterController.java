package nl.weerthuis.query.partner.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.weerthuis.query.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Notifications that failed every retry (ADMIN): inspect them, and send one again once the partner is back. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
class DeadLetterController {

    private final JdbcTemplate jdbc;

    DeadLetterController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Dead letters: notifications not delivered after the last retry")
    @GetMapping
    List<Map<String, Object>> list() {
        return jdbc.query("""
                SELECT d.subscription_id, d.event_sequence, d.attempts, d.last_status, d.last_error, e.event_id, e.type,
                       e.organisation, e.recorded_at
                FROM partner_delivery d JOIN partner_event e ON e.sequence = d.event_sequence
                WHERE d.status = 'DEAD' ORDER BY d.event_sequence""", (row, n) -> {
            Map<String, Object> letter = new java.util.LinkedHashMap<>();
            letter.put("subscriptionId", row.getString("subscription_id"));
            letter.put("sequence", row.getLong("event_sequence"));
            letter.put("eventId", row.getString("event_id"));
            letter.put("type", row.getString("type"));
            letter.put("organisation", row.getString("organisation"));
            letter.put("recordedAt", row.getTimestamp("recorded_at").toInstant().toString());
            letter.put("attempts", row.getInt("attempts"));
            letter.put("lastStatus", row.getObject("last_status"));
            letter.put("lastError", row.getString("last_error"));
            return letter;
        });
    }

    @ApiResponse(responseCode = "202", description = "Queued for delivery again", content = @io.swagger.v3.oas.annotations.media.Content)
    @Operation(summary = "Send a dead letter again (with a fresh round of retries), if its subscription is active")
    @PostMapping("/{subscriptionId}/{sequence}/replay")
    ResponseEntity<Object> replay(@PathVariable String subscriptionId, @PathVariable long sequence) {
        int replayed = jdbc.update("""
                UPDATE partner_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = ?
                WHERE subscription_id = ? AND event_sequence = ? AND status = 'DEAD'
                AND subscription_id IN (SELECT subscription_id FROM partner_subscription WHERE status = 'ACTIVE')""",
                Timestamp.from(Instant.now()), subscriptionId, sequence);
        return replayed == 1 ? ResponseEntity.accepted().build() : Problems.notFound("No such dead letter of an active subscription");
    }
}
