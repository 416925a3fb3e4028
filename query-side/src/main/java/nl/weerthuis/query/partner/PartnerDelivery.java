package nl.weerthuis.query.partner;

import nl.weerthuis.query.access.ProcessingLog;
import nl.weerthuis.kernel.privacy.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Works the outbox: at least once, in order per subject, each subscription on its own worker so a slow or dead
 * partner holds up no one else. A failed call is retried after the configured backoff (a 429's Retry-After when
 * longer); after the last retry the notification is a dead letter; 410 Gone ends the subscription. Several
 * query-side instances share the work: a subscription is leased to one at a time.
 */
@Component
class PartnerDelivery {

    private static final Logger log = LoggerFactory.getLogger(PartnerDelivery.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final HttpClient http;
    private final PartnerSettings settings;
    private final Subscriptions subscriptions;
    private final ProcessingLog processingLog;
    private final SecretBox credentials;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private ExecutorService workers;

    PartnerDelivery(JdbcTemplate jdbc, HttpClient partnerHttpClient, PartnerSettings settings, Subscriptions subscriptions,
                    ProcessingLog processingLog, SecretBox partnerCredentials) {
        this.credentials = partnerCredentials;
        this.jdbc = jdbc;
        this.http = partnerHttpClient;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.processingLog = processingLog;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        workers = Executors.newFixedThreadPool(settings.workers());
        ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleWithFixedDelay(this::tick, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            workers.shutdownNow();
        }
    }

    private void tick() {
        try {
            Timestamp now = Timestamp.from(Instant.now());
            List<String> due = jdbc.queryForList("""
                    SELECT DISTINCT d.subscription_id FROM partner_delivery d
                    JOIN partner_subscription s ON s.subscription_id = d.subscription_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND s.status = 'ACTIVE'
                    AND (s.locked_until IS NULL OR s.locked_until < ?)""", String.class, now, now);
            for (String subscription : due) {
                if (inFlight.add(subscription)) {
                    if (lease(subscription)) {
                        workers.submit(() -> deliver(subscription));
                    } else {
                        inFlight.remove(subscription);
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("partner delivery round failed; trying again next round", e);
        }
    }

    private boolean lease(String subscription) {
        Instant now = Instant.now();
        return jdbc.update("""
                UPDATE partner_subscription SET locked_until = ?
                WHERE subscription_id = ? AND (locked_until IS NULL OR locked_until < ?)""",
                Timestamp.from(now.plus(LEASE)), subscription, Timestamp.from(now)) == 1;
    }

    private record Due(long sequence, int attempts, Instant nextAttemptAt, String subject, String clientId, String body) {
    }

    private record Subscriber(String callbackUrl, String authorization, String organisation, String organisationType,
                              String status) {
    }

    private void deliver(String subscriptionId) {
        try {
            Optional<Subscriber> found = jdbc.query("""
                    SELECT callback_url, auth_header, organisation, organisation_type, status FROM partner_subscription
                    WHERE subscription_id = ?""", (row, n) -> new Subscriber(row.getString(1), credentials.open(row.getString(2)),
                    row.getString(3), row.getString(4), row.getString(5)), subscriptionId).stream().findFirst();
            if (found.isEmpty() || !Subscriptions.ACTIVE.equals(found.get().status())) {
                return;
            }
            Subscriber subscriber = found.get();
            List<Due> pending = jdbc.query("""
                    SELECT d.event_sequence, d.attempts, d.next_attempt_at, e.subject, e.client_id, e.body
                    FROM partner_delivery d JOIN partner_event e ON e.sequence = d.event_sequence
                    WHERE d.subscription_id = ? AND d.status = 'PENDING' ORDER BY d.event_sequence""",
                    (row, n) -> new Due(row.getLong(1), row.getInt(2), row.getTimestamp(3).toInstant(), row.getString(4),
                            row.getString(5), row.getString(6)), subscriptionId);
            Set<String> waiting = new HashSet<>();
            int sent = 0;
            for (Due due : pending) {
                if (sent >= BATCH) {
                    break;
                }
                // In order per subject: a later notification waits while an earlier one for the subject waits.
                if (waiting.contains(due.subject()) || due.nextAttemptAt().isAfter(Instant.now())) {
                    waiting.add(due.subject());
                    continue;
                }
                renewLease(subscriptionId);
                sent++;
                if (!attempt(subscriptionId, subscriber, due)) {
                    waiting.add(due.subject());
                }
                if (!Subscriptions.ACTIVE.equals(statusOf(subscriptionId))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("delivering to subscription {} failed; trying again next round", subscriptionId, e);
        } finally {
            jdbc.update("UPDATE partner_subscription SET locked_until = NULL WHERE subscription_id = ?", subscriptionId);
            inFlight.remove(subscriptionId);
        }
    }

    private void renewLease(String subscriptionId) {
        jdbc.update("UPDATE partner_subscription SET locked_until = ? WHERE subscription_id = ?",
                Timestamp.from(Instant.now().plus(LEASE)), subscriptionId);
    }

    private String statusOf(String subscriptionId) {
        return jdbc.queryForObject("SELECT status FROM partner_subscription WHERE subscription_id = ?", String.class,
                subscriptionId);
    }

    /** True when delivered (or nothing more is to be done for it). */
    private boolean attempt(String subscriptionId, Subscriber subscriber, Due due) {
        Integer status = null;
        String error = null;
        Optional<Duration> retryAfter = Optional.empty();
        // The callback's host is checked again at every delivery: its DNS answer may have changed since subscribing.
        Optional<String> refused = CallbackAddresses.refusal(URI.create(subscriber.callbackUrl()),
                settings.allowLoopbackCallbacks());
        try {
            if (refused.isPresent()) {
                throw new java.io.IOException("callback refused: it " + refused.get());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscriber.callbackUrl()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(due.body()));
            if (subscriber.authorization() != null) {
                request.header("Authorization", subscriber.authorization());
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            retryAfter = response.headers().firstValue("Retry-After").flatMap(PartnerDelivery::retryAfter);
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (status != null && status / 100 == 2) {
            jdbc.update("""
                    UPDATE partner_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_status = ?, delivered_at = ?
                    WHERE subscription_id = ? AND event_sequence = ?""", status, Timestamp.from(Instant.now()),
                    subscriptionId, due.sequence());
            processingLog.recordDisclosure("partner-notification", due.clientId(), subscriber.organisation(),
                    subscriber.organisationType(), "subscription:" + subscriptionId);
            return true;
        }
        if (status != null && status == 410) {
            subscriptions.end(subscriber.organisation(), subscriptionId, "the callback answered 410 Gone");
            return true;
        }
        int attempts = due.attempts() + 1;
        String lastError = error != null ? error : "HTTP " + status;
        if (attempts > settings.retryDelays().size()) {
            jdbc.update("""
                    UPDATE partner_delivery SET status = 'DEAD', attempts = ?, last_status = ?, last_error = ?
                    WHERE subscription_id = ? AND event_sequence = ?""", attempts, status, truncate(lastError),
                    subscriptionId, due.sequence());
            return true; // a dead letter no longer holds up the subject's later notifications
        }
        Duration wait = settings.retryDelays().get(attempts - 1);
        if (status != null && status == 429 && retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        jdbc.update("""
                UPDATE partner_delivery SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?
                WHERE subscription_id = ? AND event_sequence = ?""", attempts, Timestamp.from(Instant.now().plus(wait)),
                status, truncate(lastError), subscriptionId, due.sequence());
        return false;
    }

    /** Retry-After is either seconds or an HTTP date. */
    static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                return Optional.of(Duration.between(Instant.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()));
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    private static String truncate(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
