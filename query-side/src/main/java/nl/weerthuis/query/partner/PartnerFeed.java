package nl.weerthuis.query.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.involvement.InvolvementChange;
import nl.weerthuis.kernel.involvement.InvolvementRules;
import nl.weerthuis.kernel.involvement.InvolvementTable;
import nl.weerthuis.query.access.ProcessingLog;
import nl.weerthuis.query.eventsource.UnitOfWorkBatch;
import nl.weerthuis.query.organisation.OrganisationNames;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Adds one domain event to the feed of every organisation involved with its client, as a CloudEvent minimised for
 * that organisation, and queues it for each of their subscriptions that asked for its type: the outbox, in the
 * transaction of the feed processor (whose token lives in the same database). A batch of the processor is worked out
 * in memory and written at its commit ({@link FeedBatch}); a call outside a batch writes at once.
 */
@Component
public class PartnerFeed {

    private static final InvolvementTable INVOLVEMENT = new InvolvementTable("partner_involvement");

    public static final String CORPORATION_CARE_PURPOSE = "goed-huurderschap";

    private final ObjectMapper json;
    private final ProcessingLog pseudonyms;
    private final PartnerSettings settings;
    private final OrganisationNames names;
    private final UnitOfWorkBatch<FeedBatch> batch;

    PartnerFeed(JdbcTemplate jdbc, ObjectMapper json, ProcessingLog pseudonyms, PartnerSettings settings,
                OrganisationNames names, PlatformTransactionManager transactions) {
        this.json = json;
        this.pseudonyms = pseudonyms;
        this.settings = settings;
        this.names = names;
        TransactionTemplate savepoint = new TransactionTemplate(transactions);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.batch = new UnitOfWorkBatch<>("partner-feed",
                () -> new FeedBatch(jdbc, savepoint, this, INVOLVEMENT, clientsOfTheBatch()), FeedBatch::write, transactions);
    }

    /** An organisation involved with a client, as the feed knows it. */
    public record Recipient(String organisation, String organisationType) {
        /** Of an organisation whose type was not recorded (old procesregie) only the least is told, as to a corporation. */
        boolean isCorporation() {
            return organisationType == null || "HOUSING_CORPORATION".equals(organisationType);
        }
    }

    /** What a recipient may have of an event: null when it may have none of it. */
    @FunctionalInterface
    interface Disclosure {
        Map<String, Object> dataFor(Recipient to, boolean consentForCare, UnaryOperator<String> registeredNames);
    }

    /** An event that partners hear of: told to those involved, or to all ever involved (the erasure notice). */
    record Notification(String eventId, Instant recordedAt, String traceParent, String clientId, String type,
                        boolean toEveryoneEverInvolved, Disclosure disclosure) {
    }

    /**
     * One event's effect on the feed: the involvements it begins (whose organisations hear of it), the notification
     * (null: none), then the involvements it ends. Gathered over the processor's batch and written when it commits.
     */
    void handle(String clientId, List<InvolvementChange> changes, Instant recordedAt, Notification notification) {
        if (clientId != null && (!changes.isEmpty() || notification != null)) {
            batch.add(feed -> feed.handle(clientId, changes, recordedAt, notification));
        }
    }

    void publish(String eventId, Instant recordedAt, String traceParent, String clientId, String type,
                 Disclosure disclosure) {
        handle(clientId, List.of(), recordedAt,
                new Notification(eventId, recordedAt, traceParent, clientId, type, false, disclosure));
    }

    /** Applies what an event changes in who is involved (the kernel's {@link InvolvementRules}). */
    void involvement(String clientId, List<InvolvementChange> changes, Instant recordedAt) {
        handle(clientId, changes, recordedAt, null);
    }

    void consent(String clientId, String organisation, String purpose, boolean given) {
        batch.add(feed -> feed.consent(clientId, organisation, purpose, given));
    }

    /** The subject partners see: a pseudonym per receiving organisation, so two partners cannot link their feeds. */
    String subjectFor(String organisation, String clientId) {
        return pseudonyms.pseudonym(organisation + ":" + clientId);
    }

    Optional<String> registeredNameOf(String organisation) {
        return names.nameOf(organisation);
    }

    /** The clients of the processor's batch, read from the events' metadata (their payloads stay unread). */
    private static List<String> clientsOfTheBatch() {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().map(message -> message.getMetaData().get(MetadataKeys.DATA_SUBJECT))
                    .filter(String.class::isInstance).map(String.class::cast).distinct().toList();
        }
        return List.of();
    }

    /**
     * Held from a transaction's first append to its commit, by the feed's processor and by a retry of a parked event
     * alike (on any instance): feed rows become visible in the order of their sequence numbers, so a reader of
     * {@code ?after=} never skips a row that commits after a higher one; and a subscription ends between two batches,
     * never while one is queueing deliveries for it.
     */
    static void appendAlone(JdbcTemplate jdbc) {
        jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('weerthuis.partner-feed'))");
    }

    /** CloudEvents 1.0, structured JSON, NL GOV profile. */
    String cloudEvent(String id, String type, String subject, Instant time, long subjectSequence, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", settings.source());
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", time.toString());
        // A string that sorts as it counts (CloudEvents sequence extension).
        event.put("sequence", String.format("%020d", subjectSequence));
        event.put("datacontenttype", "application/json");
        event.put("dataschema", settings.schemaBaseUrl() + type);
        event.put("data", data);
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
