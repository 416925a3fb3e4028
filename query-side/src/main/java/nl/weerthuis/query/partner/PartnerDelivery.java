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
 * partner holds up no one else. A subscription is worked by one worker at a time (locked), and within it a subject's
 * next notification is sent only once the one before is delivered or dead-lettered: never two in flight. A failed call
 * is retried after the configured backoff (a 429's Retry-After when longer); after the last retry the notification is
 * a dead letter; 410 Gone ends the subscription. Several query-side instances share the work: a subscription is
 * delivered to by the one instance holding its {@link DeliveryLocks lock}, which a crashed instance loses at once.
 */
@Component
class PartnerDelivery {

    private static final Logger log = LoggerFactory.getLogger(PartnerDelivery.class);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final HttpClient http;
    private final PartnerSettings settings;
    private final Subscriptions subscriptions;
    private final ProcessingLog processingLog;
    private final SecretBox credentials;
    private final org.springframework.transaction.support.TransactionTemplate transaction;
    private final DeliveryLocks locks;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService ticker;
    private ExecutorService workers;

    PartnerDelivery(JdbcTemplate jdbc, HttpClient partnerHttpClient, PartnerSettings settings, Subscriptions subscriptions,
                    ProcessingLog processingLog, SecretBox partnerCredentials,
                    org.springframework.transaction.support.TransactionTemplate transaction, DeliveryLocks locks) {
        this.credentials = partnerCredentials;
        this.transaction = transaction;
        this.locks = locks;
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
            List<String> due = jdbc.queryForList("""
                    SELECT DISTINCT d.subscription_id FROM partner_delivery d
                    JOIN partner_subscription s ON s.subscription_id = d.subscription_id
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND s.status = 'ACTIVE'""", String.class,
                    Timestamp.from(Instant.now()));
            for (String subscription : due) {
                if (inFlight.add(subscription)) {
                    if (locks.tryAcquire(subscription)) {
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

    /** @param traceParent the W3C trace context of the event this notifies of (null for entries made before it was kept) */
    private record Due(long sequence, int attempts, Instant nextAttemptAt, String subject, String clientId, String body,
                       boolean afterDeadLetter, String traceParent) {
    }

    /** On a notification whose subject had an earlier one dead-lettered: the partner learns of the gap. */
    static final String AFTER_DEAD_LETTER = "Weerthuis-After-Dead-Letter";

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
            // Per subject in the order of its own sequence (the one partners see), never the feed's insertion order;
            // each notes whether an earlier one of its subject was given up on, so the partner can be told.
            List<Due> pending = jdbc.query("""
                    SELECT d.event_sequence, d.attempts, d.next_attempt_at, e.subject, e.client_id, e.body, e.trace_parent,
                           EXISTS (SELECT 1 FROM partner_delivery d2 JOIN partner_event e2 ON e2.sequence = d2.event_sequence
                                   WHERE d2.subscription_id = d.subscription_id AND d2.status = 'DEAD'
                                     AND e2.organisation = e.organisation AND e2.subject = e.subject
                                     AND e2.subject_sequence < e.subject_sequence) AS after_dead_letter
                    FROM partner_delivery d JOIN partner_event e ON e.sequence = d.event_sequence
                    WHERE d.subscription_id = ? AND d.status = 'PENDING'
                    ORDER BY e.subject, e.subject_sequence""",
                    (row, n) -> new Due(row.getLong(1), row.getInt(2), row.getTimestamp(3).toInstant(), row.getString(4),
                            row.getString(5), row.getString(6), row.getBoolean("after_dead_letter"),
                            row.getString("trace_parent")), subscriptionId);
            Set<String> waiting = new HashSet<>();
            Set<String> deadLettered = new HashSet<>(); // subjects whose notification was given up on in this round
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
                if (!locks.holds(subscriptionId)) {
                    return; // another instance may deliver now: not one more call from here
                }
                sent++;
                Outcome outcome = attempt(subscriptionId, subscriber, due, deadLettered.contains(due.subject()));
                if (outcome == Outcome.RETRY_LATER) {
                    waiting.add(due.subject());
                } else if (outcome == Outcome.DEAD_LETTERED) {
                    deadLettered.add(due.subject());
                }
                if (!Subscriptions.ACTIVE.equals(statusOf(subscriptionId))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("delivering to subscription {} failed; trying again next round", subscriptionId, e);
        } finally {
            locks.release(subscriptionId);
            inFlight.remove(subscriptionId);
        }
    }

    private String statusOf(String subscriptionId) {
        return jdbc.queryForObject("SELECT status FROM partner_subscription WHERE subscription_id = ?", String.class,
                subscriptionId);
    }

    /** What became of one attempt; only {@code RETRY_LATER} holds up the subject's later notifications. */
    private enum Outcome { DELIVERED, SUBSCRIPTION_ENDED, DEAD_LETTERED, RETRY_LATER }

    private Outcome attempt(String subscriptionId, Subscriber subscriber, Due due, boolean earlierDeadLettered) {
        Integer status = null;
        String error = null;
        Optional<Duration> retryAfter = Optional.empty();
        // The callback's host is checked again at every delivery: its DNS answer may have changed since subscribing.
        Optional<String> refused = CallbackAddresses.refusal(URI.create(subscriber.callbackUrl()),
                settings.allowLoopbackCallbacks());
        // Each attempt is an action of its own in the event's trace; the partner continues it from the header.
        ProcessingLog.Trace trace = ProcessingLog.Trace.childOf(due.traceParent());
        try {
            if (refused.isPresent()) {
                throw new java.io.IOException("callback refused: it " + refused.get());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(subscriber.callbackUrl()))
                    .timeout(settings.requestTimeout())
                    .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                    .header("traceparent", trace.traceParent())
                    .POST(HttpRequest.BodyPublishers.ofString(due.body()));
            if (due.afterDeadLetter() || earlierDeadLettered) {
                request.header(AFTER_DEAD_LETTER, "true");
            }
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
            return Outcome.RETRY_LATER;
        }
        if (status != null && status / 100 == 2) {
            int delivered = status;
            // The disclosure and its record commit together, or neither does.
            transaction.executeWithoutResult(tx -> {
                jdbc.update("""
                        UPDATE partner_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_status = ?, delivered_at = ?
                        WHERE subscription_id = ? AND event_sequence = ?""", delivered, Timestamp.from(Instant.now()),
                        subscriptionId, due.sequence());
                processingLog.recordDisclosure("partner-notification", due.clientId(), subscriber.organisation(),
                        subscriber.organisationType(), "subscription:" + subscriptionId, trace,
                        "POST partner callback (CloudEvent)", false);
            });
            return Outcome.DELIVERED;
        }
        if (status != null && status == 410) {
            subscriptions.end(subscriber.organisation(), subscriptionId, "the callback answered 410 Gone");
            return Outcome.SUBSCRIPTION_ENDED;
        }
        int attempts = due.attempts() + 1;
        String lastError = error != null ? error : "HTTP " + status;
        if (attempts > settings.retryDelays().size()) {
            jdbc.update("""
                    UPDATE partner_delivery SET status = 'DEAD', attempts = ?, last_status = ?, last_error = ?
                    WHERE subscription_id = ? AND event_sequence = ?""", attempts, status, truncate(lastError),
                    subscriptionId, due.sequence());
            return Outcome.DEAD_LETTERED; // no longer holds up the subject's later notifications, which say so
        }
        Duration wait = settings.retryDelays().get(attempts - 1);
        if (status != null && status == 429 && retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        jdbc.update("""
                UPDATE partner_delivery SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?
                WHERE subscription_id = ? AND event_sequence = ?""", attempts, Timestamp.from(Instant.now().plus(wait)),
                status, truncate(lastError), subscriptionId, due.sequence());
        return Outcome.RETRY_LATER;
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
