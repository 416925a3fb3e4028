package nl.weerthuis.query.partner;

import nl.weerthuis.kernel.privacy.SecretBox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A partner system's subscriptions: made active only once the callback has shown it wants our notifications. */
@Component
public class Subscriptions {

    public static final String ACTIVE = "ACTIVE", ENDED = "ENDED";

    private final JdbcTemplate jdbc;
    private final HttpClient http;
    private final PartnerFeed feed;
    private final PartnerSettings settings;
    private final SecretBox credentials;
    private final TransactionTemplate transaction;

    Subscriptions(JdbcTemplate jdbc, HttpClient partnerHttpClient, PartnerFeed feed, PartnerSettings settings,
                  SecretBox partnerCredentials, TransactionTemplate transaction) {
        this.credentials = partnerCredentials;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.http = partnerHttpClient;
        this.feed = feed;
        this.settings = settings;
    }

    public record Subscription(String subscriptionId, String organisation, String callbackUrl, List<String> eventTypes,
                               String status, Instant createdAt, Instant endedAt, String endReason) {
    }

    /** The callback did not take part in the handshake, nor accept a test notification. */
    public static class CallbackNotVerified extends RuntimeException {
        public CallbackNotVerified(String message) {
            super(message);
        }
    }

    public Subscription subscribe(String organisation, String organisationType, URI callback, List<String> eventTypes,
                                  String authorization) {
        String id = UUID.randomUUID().toString();
        verify(id, callback, authorization);
        Instant now = Instant.now();
        jdbc.update("""
                INSERT INTO partner_subscription (subscription_id, organisation, organisation_type, callback_url, event_types,
                    auth_header, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, organisation, organisationType, callback.toString(), String.join(",", eventTypes),
                credentials.seal(authorization), ACTIVE, Timestamp.from(now));
        return find(organisation, id).orElseThrow();
    }

    public List<Subscription> of(String organisation) {
        return jdbc.query("SELECT * FROM partner_subscription WHERE organisation = ? ORDER BY created_at",
                (row, n) -> subscription(row), organisation);
    }

    public Optional<Subscription> find(String organisation, String id) {
        return jdbc.query("SELECT * FROM partner_subscription WHERE organisation = ? AND subscription_id = ?",
                (row, n) -> subscription(row), organisation, id).stream().findFirst();
    }

    /**
     * Ends a subscription: nothing more is sent; what was not yet delivered is cancelled (the feed still has it) —
     * also what a batch of the feed was queueing for it at that moment, which is waited for.
     */
    public boolean end(String organisation, String id, String reason) {
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            PartnerFeed.appendAlone(jdbc);
            int ended = jdbc.update("""
                    UPDATE partner_subscription SET status = ?, ended_at = ?, end_reason = ?
                    WHERE organisation = ? AND subscription_id = ? AND status = ?""",
                    ENDED, Timestamp.from(Instant.now()), reason, organisation, id, ACTIVE);
            jdbc.update("UPDATE partner_delivery SET status = 'CANCELLED' WHERE subscription_id = ? AND status = 'PENDING'", id);
            return ended > 0;
        }));
    }

    /**
     * A subscription asks for types by prefix: {@code nl.weerthuis.huurovereenkomsten.} takes every tenancy event. As
     * SQL, true when the row {@code subscription} wants the type bound to its one parameter.
     */
    static final String WANTS_SQL = "EXISTS (SELECT 1 FROM unnest(string_to_array(subscription.event_types, ',')) AS prefix"
            + " WHERE prefix <> '' AND starts_with(?, prefix))";

    /**
     * The CloudEvents webhook validation handshake (an OPTIONS request that must allow our origin), or failing that a
     * test notification that must be answered 2xx.
     */
    private void verify(String subscriptionId, URI callback, String authorization) {
        try {
            HttpRequest.Builder handshake = HttpRequest.newBuilder(callback).timeout(settings.requestTimeout())
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("WebHook-Request-Origin", settings.origin());
            if (authorization != null) {
                handshake.header("Authorization", authorization);
            }
            HttpResponse<Void> answer = http.send(handshake.build(), HttpResponse.BodyHandlers.discarding());
            String allowed = answer.headers().firstValue("WebHook-Allowed-Origin").orElse("");
            if (answer.statusCode() / 100 == 2 && (allowed.equals("*") || allowed.equalsIgnoreCase(settings.origin()))) {
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subscriptionId", subscriptionId);
            String body = feed.cloudEvent(UUID.randomUUID().toString(), PartnerEventTypes.VERIFICATION,
                    subscriptionId, Instant.now(), 1, data);
            HttpRequest.Builder test = HttpRequest.newBuilder(callback).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                test.header("Authorization", authorization);
            }
            int status = http.send(test.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new CallbackNotVerified("the callback answered the test notification with " + status);
            }
        } catch (java.io.IOException e) {
            throw new CallbackNotVerified("the callback could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallbackNotVerified("interrupted while verifying the callback");
        }
    }

    private static Subscription subscription(java.sql.ResultSet row) throws java.sql.SQLException {
        Timestamp ended = row.getTimestamp("ended_at");
        return new Subscription(row.getString("subscription_id"), row.getString("organisation"),
                row.getString("callback_url"), List.of(row.getString("event_types").split(",")), row.getString("status"),
                row.getTimestamp("created_at").toInstant(), ended == null ? null : ended.toInstant(),
                row.getString("end_reason"));
    }
}
