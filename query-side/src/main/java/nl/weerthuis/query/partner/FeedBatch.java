package nl.weerthuis.query.partner;

import nl.weerthuis.kernel.involvement.ClientInvolvements;
import nl.weerthuis.kernel.involvement.Involvement;
import nl.weerthuis.kernel.involvement.InvolvementChange;
import nl.weerthuis.kernel.involvement.InvolvementTable;
import nl.weerthuis.query.eventsource.SequencedStatements;
import nl.weerthuis.query.partner.PartnerFeed.Notification;
import nl.weerthuis.query.partner.PartnerFeed.Recipient;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the feed's handlers change over one batch of its processor, and what they must know meanwhile: per client,
 * who is involved, what it consented to, and the last number of each of its subjects. That is read once per batch,
 * for every client of the batch together (three queries), then kept in memory as the batch's events change it — an
 * involvement that begins with one event counts for the next. Written when the batch commits, under the feed's lock:
 * involvement and consent rows in each client's event order, then the feed rows and their deliveries in event order.
 */
final class FeedBatch {

    private static final String APPEND = """
            WITH appended AS (
                INSERT INTO partner_event (event_id, organisation, client_id, subject, subject_sequence, type, recorded_at,
                    body, trace_parent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT partner_event_once DO NOTHING
                RETURNING sequence)
            INSERT INTO partner_delivery (subscription_id, event_sequence, status, attempts, next_attempt_at)
            SELECT subscription.subscription_id, appended.sequence, 'PENDING', 0, ?
            FROM appended JOIN partner_subscription subscription ON subscription.organisation = ?
                AND subscription.status = 'ACTIVE' AND %s""".formatted(Subscriptions.WANTS_SQL);

    private final JdbcTemplate jdbc;
    /** Nested in the batch's transaction. */
    private final TransactionTemplate savepoint;
    private final PartnerFeed feed;
    private final InvolvementTable involvementTable;
    /** The clients of the batch not yet read: read together when the first of them is needed. */
    private final Set<String> unread;
    private final Map<String, Known> clients = new HashMap<>();
    private final Map<String, Optional<String>> names = new HashMap<>();
    private final SequencedStatements rows = new SequencedStatements();
    private final List<Append> appends = new ArrayList<>();
    /** Organisation and event of each append: an event handled twice in a batch is told once, as one by one. */
    private final Set<List<String>> alreadyTold = new HashSet<>();

    FeedBatch(JdbcTemplate jdbc, TransactionTemplate savepoint, PartnerFeed feed, InvolvementTable involvementTable,
              Collection<String> clientsOfTheBatch) {
        this.jdbc = jdbc;
        this.savepoint = savepoint;
        this.feed = feed;
        this.involvementTable = involvementTable;
        this.unread = new LinkedHashSet<>(clientsOfTheBatch);
    }

    /** A client as this batch knows it so far. */
    private static final class Known {
        ClientInvolvements involvements = ClientInvolvements.none();
        final Set<List<String>> consents = new HashSet<>();
        /** The last subject number per organisation and subject. */
        final Map<List<String>, Long> lastNumbers = new HashMap<>();
    }

    private record Append(String eventId, String organisation, String clientId, String subject, long subjectSequence,
                          String type, Instant recordedAt, String body, String traceParent) {
    }

    /**
     * One event's whole effect: the involvements it begins, then what it tells whom (null: nothing), then the
     * involvements it ends. Everything is worked out before anything is kept, so an event that fails leaves the
     * batch as it was.
     */
    void handle(String clientId, List<InvolvementChange> changes, Instant recordedAt,
                Notification notification) {
        Known known = known(clientId);
        List<InvolvementChange> began = changes.stream().filter(c -> c instanceof InvolvementChange.Began).toList();
        List<InvolvementChange> ended = changes.stream().filter(c -> c instanceof InvolvementChange.Ended).toList();
        ClientInvolvements during = known.involvements.with(began, recordedAt);
        List<Append> told = notification == null ? List.of()
                : appendsFor(known, during, notification);
        List<InvolvementTable.Write> writes = new ArrayList<>(involvementTable.writes(clientId, began, recordedAt));
        writes.addAll(involvementTable.writes(clientId, ended, recordedAt));

        known.involvements = during.with(ended, recordedAt);
        told.forEach(append -> known.lastNumbers.put(List.of(append.organisation(), append.subject()),
                append.subjectSequence()));
        appends.addAll(told);
        told.forEach(append -> alreadyTold.add(List.of(append.organisation(), append.eventId())));
        writes.forEach(write -> rows.add(clientId, write.sql(), statement -> write.bind(statement, 1)));
    }

    void consent(String clientId, String organisation, String purpose, boolean given) {
        Known known = known(clientId);
        rows.add(clientId, "DELETE FROM partner_consent WHERE client_id = ? AND organisation = ? AND purpose = ?",
                clientId, organisation, purpose);
        if (given) {
            rows.add(clientId, "INSERT INTO partner_consent (client_id, organisation, purpose) VALUES (?, ?, ?)",
                    clientId, organisation, purpose);
            known.consents.add(List.of(organisation, purpose));
        } else {
            known.consents.remove(List.of(organisation, purpose));
        }
    }

    private List<Append> appendsFor(Known known, ClientInvolvements involvements,
                                    Notification notification) {
        List<Append> told = new ArrayList<>();
        for (Recipient recipient : recipients(notification.toEveryoneEverInvolved() ? involvements.all()
                : involvements.active())) {
            // Only what a corporation may learn depends on consent; nobody else's needs it.
            boolean consentForCare = recipient.isCorporation() && known.consents.contains(
                    List.of(recipient.organisation(), PartnerFeed.CORPORATION_CARE_PURPOSE));
            Map<String, Object> data = notification.disclosure().dataFor(recipient, consentForCare,
                    this::nameOf);
            if (data != null && !alreadyTold.contains(List.of(recipient.organisation(), notification.eventId()))) {
                String subject = feed.subjectFor(recipient.organisation(), notification.clientId());
                long number = known.lastNumbers.getOrDefault(List.of(recipient.organisation(), subject), 0L) + 1;
                told.add(new Append(notification.eventId(), recipient.organisation(), notification.clientId(), subject,
                        number, notification.type(), notification.recordedAt(),
                        feed.cloudEvent(notification.eventId(), notification.type(), subject, notification.recordedAt(),
                                number, data), notification.traceParent()));
            }
        }
        return told;
    }

    /** One per organisation, in the order of their numbers; a recorded type wins over one not recorded. */
    private static Collection<Recipient> recipients(List<Involvement> involvements) {
        Map<String, Recipient> recipients = new TreeMap<>();
        for (Involvement involvement : involvements) {
            recipients.merge(involvement.organisation(), new Recipient(involvement.organisation(),
                    involvement.type() == null ? null : involvement.type().name()),
                    (known, other) -> known.organisationType() == null ? other : known);
        }
        return recipients.values();
    }

    /** The name the register holds when the batch tells of it (asked once per batch). */
    private String nameOf(String organisation) {
        return organisation == null ? null
                : names.computeIfAbsent(organisation, feed::registeredNameOf).orElse(null);
    }

    private Known known(String clientId) {
        Known known = clients.get(clientId);
        if (known != null) {
            return known;
        }
        if (unread.remove(clientId)) {
            Set<String> together = new HashSet<>(unread);
            together.add(clientId);
            unread.clear();
            try {
                clients.putAll(read(together));
                return clients.get(clientId);
            } catch (RuntimeException failure) {
                // One id the read store refuses must not fail its whole batch: each of them is read alone from now on.
            }
        }
        clients.putAll(read(Set.of(clientId)));
        return clients.get(clientId);
    }

    /** What the read store holds of these clients; in a savepoint, so that a failed read fails no more than itself. */
    private Map<String, Known> read(Set<String> clientIds) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return readNow(clientIds);
        }
        return savepoint.execute(status -> readNow(clientIds));
    }

    private Map<String, Known> readNow(Set<String> clientIds) {
        return jdbc.execute((ConnectionCallback<Map<String, Known>>) connection -> {
            Map<String, Known> read = new HashMap<>();
            clientIds.forEach(client -> read.put(client, new Known()));
            involvementTable.of(connection, clientIds).forEach((client, involvements) ->
                    read.get(client).involvements = involvements);
            Array ids = connection.createArrayOf("varchar", clientIds.toArray());
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT client_id, organisation, purpose FROM partner_consent WHERE client_id = ANY (?)")) {
                select.setArray(1, ids);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        read.get(row.getString(1)).consents.add(List.of(row.getString(2), row.getString(3)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT client_id, organisation, subject,"
                    + " max(subject_sequence) FROM partner_event WHERE client_id = ANY (?) GROUP BY 1, 2, 3")) {
                select.setArray(1, ids);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        read.get(row.getString(1)).lastNumbers.put(List.of(row.getString(2), row.getString(3)),
                                row.getLong(4));
                    }
                }
            }
            return read;
        });
    }

    /** Everything the batch changed, in its transaction. */
    void write() {
        if (!appends.isEmpty()) {
            PartnerFeed.appendAlone(jdbc);
        }
        rows.write(jdbc);
        if (appends.isEmpty()) {
            return;
        }
        Timestamp queuedAt = Timestamp.from(Instant.now());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement append = connection.prepareStatement(APPEND)) {
                for (Append row : appends) {
                    bind(append, row, queuedAt);
                    append.addBatch();
                }
                append.executeBatch();
            }
            return null;
        });
    }

    private static void bind(PreparedStatement append, Append row, Timestamp queuedAt) throws SQLException {
        append.setString(1, row.eventId());
        append.setString(2, row.organisation());
        append.setString(3, row.clientId());
        append.setString(4, row.subject());
        append.setLong(5, row.subjectSequence());
        append.setString(6, row.type());
        append.setTimestamp(7, Timestamp.from(row.recordedAt()));
        append.setString(8, row.body());
        if (row.traceParent() == null) {
            append.setNull(9, Types.VARCHAR);
        } else {
            append.setString(9, row.traceParent());
        }
        append.setTimestamp(10, queuedAt);
        append.setString(11, row.organisation());
        append.setString(12, row.type());
    }
}
