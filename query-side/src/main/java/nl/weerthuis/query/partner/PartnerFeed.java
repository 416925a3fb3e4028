package nl.weerthuis.query.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.query.access.ProcessingLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import nl.weerthuis.kernel.involvement.ClientInvolvements;
import nl.weerthuis.kernel.involvement.Involvement;
import nl.weerthuis.kernel.involvement.InvolvementChange;
import nl.weerthuis.kernel.involvement.InvolvementRules;
import nl.weerthuis.kernel.involvement.InvolvementTable;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Adds one domain event to the feed of every organisation involved with its client, as a CloudEvent minimised for
 * that organisation, and queues it for each of their subscriptions that asked for its type: the outbox, in the
 * transaction of the feed processor (whose token lives in the same database).
 */
@Component
public class PartnerFeed {

    private static final InvolvementTable INVOLVEMENT = new InvolvementTable("partner_involvement");

    public static final String CORPORATION_CARE_PURPOSE = "goed-huurderschap";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ProcessingLog pseudonyms;
    private final PartnerSettings settings;

    PartnerFeed(JdbcTemplate jdbc, ObjectMapper json, ProcessingLog pseudonyms, PartnerSettings settings) {
        this.jdbc = jdbc;
        this.json = json;
        this.pseudonyms = pseudonyms;
        this.settings = settings;
    }

    /** An organisation involved with a client, as the feed knows it. */
    public record Recipient(String organisation, String organisationType) {
        /** Of an organisation whose type was not recorded (old procesregie) only the least is told, as to a corporation. */
        boolean isCorporation() {
            return organisationType == null || "HOUSING_CORPORATION".equals(organisationType);
        }
    }

    /**
     * @param dataFor the data this recipient may have, or null when it may have none of this event
     */
    void publish(String eventId, Instant recordedAt, String traceParent, String clientId, String type,
                 BiFunction<Recipient, Boolean, Map<String, Object>> dataFor) {
        publishTo(recipientsOf(clientId, false), eventId, recordedAt, traceParent, clientId, type, dataFor);
    }

    /** To every organisation that ever was involved, also those whose involvement ended (the erasure notice). */
    void publishToEveryoneEverInvolved(String eventId, Instant recordedAt, String traceParent, String clientId, String type,
                                       BiFunction<Recipient, Boolean, Map<String, Object>> dataFor) {
        publishTo(recipientsOf(clientId, true), eventId, recordedAt, traceParent, clientId, type, dataFor);
    }

    private void publishTo(List<Recipient> recipients, String eventId, Instant recordedAt, String traceParent,
                           String clientId, String type, BiFunction<Recipient, Boolean, Map<String, Object>> dataFor) {
        if (!recipients.isEmpty()) {
            appendAlone(jdbc); // once per event, not per recipient: it is held until the transaction ends anyway
        }
        for (Recipient recipient : recipients) {
            // Only what a corporation may learn depends on consent; nobody else's needs the lookup.
            boolean consentForCare = recipient.isCorporation()
                    && hasConsent(clientId, recipient.organisation(), CORPORATION_CARE_PURPOSE);
            Map<String, Object> data = dataFor.apply(recipient, consentForCare);
            if (data != null) {
                append(eventId, recordedAt, traceParent, clientId, type, recipient, data);
            }
        }
    }

    /** Applies what an event changes in who is involved (the kernel's {@link InvolvementRules}). */
    void involvement(String clientId, List<InvolvementChange> changes, Instant recordedAt) {
        if (clientId == null || changes.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            INVOLVEMENT.apply(connection, clientId, changes, recordedAt);
            return null;
        });
    }

    void consent(String clientId, String organisation, String purpose, boolean given) {
        jdbc.update("DELETE FROM partner_consent WHERE client_id = ? AND organisation = ? AND purpose = ?",
                clientId, organisation, purpose);
        if (given) {
            jdbc.update("INSERT INTO partner_consent (client_id, organisation, purpose) VALUES (?, ?, ?)",
                    clientId, organisation, purpose);
        }
    }

    /** The subject partners see: a pseudonym per receiving organisation, so two partners cannot link their feeds. */
    String subjectFor(String organisation, String clientId) {
        return pseudonyms.pseudonym(organisation + ":" + clientId);
    }

    private List<Recipient> recipientsOf(String clientId, boolean alsoFormer) {
        ClientInvolvements involvements = jdbc.execute(
                (ConnectionCallback<ClientInvolvements>) connection -> INVOLVEMENT.of(connection, clientId));
        Map<String, Recipient> recipients = new TreeMap<>();
        for (Involvement involvement : alsoFormer ? involvements.all() : involvements.active()) {
            recipients.merge(involvement.organisation(), new Recipient(involvement.organisation(),
                    involvement.type() == null ? null : involvement.type().name()),
                    (known, other) -> known.organisationType() == null ? other : known);
        }
        return List.copyOf(recipients.values());
    }

    private boolean hasConsent(String clientId, String organisation, String purpose) {
        Integer found = jdbc.queryForObject("SELECT count(*) FROM partner_consent WHERE client_id = ? AND organisation = ? AND purpose = ?",
                Integer.class, clientId, organisation, purpose);
        return found != null && found > 0;
    }

    /**
     * Two statements per recipient: the subject's last number, then the feed row and its deliveries together (an
     * event handled again after a rollback is in the feed once, and queued once).
     */
    private void append(String eventId, Instant recordedAt, String traceParent, String clientId, String type,
                        Recipient recipient, Map<String, Object> data) {
        String organisation = recipient.organisation();
        String subject = subjectFor(organisation, clientId);
        Long last = jdbc.queryForObject("SELECT max(subject_sequence) FROM partner_event WHERE organisation = ? AND subject = ?",
                Long.class, organisation, subject);
        long subjectSequence = last == null ? 1 : last + 1;
        String body = cloudEvent(eventId, type, subject, recordedAt, subjectSequence, data);
        jdbc.update("""
                WITH appended AS (
                    INSERT INTO partner_event (event_id, organisation, client_id, subject, subject_sequence, type, recorded_at,
                        body, trace_parent)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT ON CONSTRAINT partner_event_once DO NOTHING
                    RETURNING sequence)
                INSERT INTO partner_delivery (subscription_id, event_sequence, status, attempts, next_attempt_at)
                SELECT subscription.subscription_id, appended.sequence, 'PENDING', 0, ?
                FROM appended JOIN partner_subscription subscription ON subscription.organisation = ?
                    AND subscription.status = 'ACTIVE' AND %s""".formatted(Subscriptions.WANTS_SQL),
                eventId, organisation, clientId, subject, subjectSequence, type, Timestamp.from(recordedAt), body,
                traceParent, Timestamp.from(Instant.now()), organisation, type);
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
