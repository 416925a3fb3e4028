package nl.weerthuis.query.eventsource;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events each read model has parked (Axon's sequenced dead-letter queue, one sequence per client): what they
 * are, retrying them (automatically a few times with growing pauses, then only when an administrator asks) and
 * evicting them. A read model with parked events is incomplete, and says so: in health, a metric and the monitor's
 * answers.
 */
@Component
public class ParkedEvents implements HealthIndicator {

    private static final Logger LOG = LoggerFactory.getLogger(ParkedEvents.class);

    /** One parked event: ids and types only, never the payload (it may hold personal data). */
    public record Parked(String sequence, long index, String eventId, String eventType, Instant recordedAt,
                         Instant parkedAt, Instant lastTried, int attempts, String causeType, String causeMessage) {
    }

    private final EventProcessingConfiguration processing;
    private final int automaticRetries;
    private final Duration firstRetryAfter;

    ParkedEvents(EventProcessingConfiguration processing,
                 @Value("${weerthuis.projections.automatic-retries:5}") int automaticRetries,
                 @Value("${weerthuis.projections.first-retry-after:PT30S}") Duration firstRetryAfter) {
        this.processing = processing;
        this.automaticRetries = automaticRetries;
        this.firstRetryAfter = firstRetryAfter;
    }

    public Optional<List<Parked>> of(String projection) {
        return queue(projection).map(queue -> {
            List<Parked> parked = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    JdbcDeadLetter<?> stored = (JdbcDeadLetter<?>) letter;
                    parked.add(new Parked(stored.getSequenceIdentifier(), stored.getSequenceIndex(),
                            letter.message().getIdentifier(), letter.message().getPayloadType().getName(),
                            letter.message().getTimestamp(), letter.enqueuedAt(), letter.lastTouched(), attempts(letter),
                            letter.cause().map(c -> c.type()).orElse(null), letter.cause().map(c -> c.message()).orElse(null)));
                }
            }
            return parked;
        });
    }

    /** Handles a parked sequence again, in order; what still fails stays parked. Empty when the read model is unknown. */
    public Optional<Boolean> retry(String projection, String sequence) {
        return processor(projection).map(processor -> processor.process(letter -> sequenceOf(letter).equals(sequence)));
    }

    /** Drops a parked sequence for good (after the read model was rebuilt or the events were judged irrelevant). */
    public Optional<Integer> evict(String projection, String sequence) {
        return queue(projection).map(queue -> {
            int evicted = 0;
            for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(sequence)) {
                queue.evict(letter);
                evicted++;
            }
            return evicted;
        });
    }

    /** How many events each read model has parked. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String projection : EventSourceConfiguration.READ_MODELS) {
            queue(projection).ifPresent(queue -> counts.put(projection, queue.size()));
        }
        return counts;
    }

    public long count(String projection) {
        return queue(projection).map(SequencedDeadLetterQueue::size).orElse(0L);
    }

    /** A sequence is tried again automatically a few times, each pause twice the one before; then it waits for an admin. */
    @Scheduled(fixedDelayString = "${weerthuis.projections.retry-interval:PT10S}")
    void retryAutomatically() {
        for (String projection : EventSourceConfiguration.READ_MODELS) {
            processor(projection).ifPresent(processor -> {
                try {
                    while (processor.process(this::dueForAutomaticRetry)) {
                        LOG.info("A parked sequence of read model {} was handled on retry", projection);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Retrying the parked events of read model {} failed", projection, e);
                }
            });
        }
    }

    private boolean dueForAutomaticRetry(DeadLetter<? extends EventMessage<?>> letter) {
        int attempts = attempts(letter);
        return attempts < automaticRetries
                && letter.lastTouched().plus(firstRetryAfter.multipliedBy(1L << Math.min(attempts, 20))).isBefore(Instant.now());
    }

    @Override
    public Health health() {
        Map<String, Long> counts = counts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return (total == 0 ? Health.up() : Health.status("DEGRADED")).withDetail("parkedEvents", counts).build();
    }

    static int attempts(DeadLetter<?> letter) {
        Object attempts = letter.diagnostics().get(EventSourceConfiguration.ATTEMPTS);
        return attempts instanceof Number number ? number.intValue() : 0;
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JdbcDeadLetter<?> stored ? stored.getSequenceIdentifier() : "";
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String projection) {
        return processing.deadLetterQueue(projection);
    }

    private Optional<SequencedDeadLetterProcessor<EventMessage<?>>> processor(String projection) {
        return processing.sequencedDeadLetterProcessor(projection);
    }
}
