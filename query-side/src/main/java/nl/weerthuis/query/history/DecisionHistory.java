package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.query.privacy.SealedTexts;
import org.axonframework.common.DateTimeUtils;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import nl.weerthuis.kernel.identity.OrganisationType;
import java.util.Set;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.involvement.ClientInvolvements;
import nl.weerthuis.kernel.involvement.InvolvementRules;

/**
 * One client's decision history across Client, Tenancy and CareIndication, read from the event store as of an
 * instant: what happened, on which business date, when it was recorded, who acted, on which grounds, under which
 * agreement version — and the state each aggregate had then.
 */
@Component
public class DecisionHistory {

    /** The purpose for which a client lets a corporation know that support runs (as for the client file). */
    static final String CORPORATION_CARE_PURPOSE = "goed-huurderschap";

    private final JdbcTemplate events;
    private final JdbcTemplate readStore;
    private final ObjectMapper json;
    private final SealedTexts sealedTexts;

    DecisionHistory(@Qualifier("eventStoreDataSource") DataSource eventStore, JdbcTemplate readStore, ObjectMapper json,
                    SealedTexts sealedTexts) {
        this.sealedTexts = sealedTexts;
        this.events = new JdbcTemplate(eventStore);
        this.readStore = readStore;
        this.json = json;
    }

    public record Entry(long globalIndex, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                        String eventType, String businessDate, Instant recordedAt, Map<String, String> actor,
                        String grounds, Map<String, Object> agreement) {
    }

    public record History(String clientId, Instant asOf, List<Entry> entries, List<JsonNode> stateAsOf) {
    }

    /**
     * A history with what its reader may weigh it by: who is or was involved with the client and which consents
     * stand — both from all of the client's events, not only those up to {@code asOf}.
     */
    public record Read(History history, ClientInvolvements involvements, Set<String> consents) {

        public boolean consents(String organisation, String purpose) {
            return consents.contains(organisation + "|" + purpose);
        }
    }

    private record Subject(String aggregateIdentifier, String aggregateType, String region) {
    }

    private record AgreementVersion(String agreementId, int version, LocalDate effectiveFrom) {
    }

    /** Empty when no such client is known. */
    public Optional<History> of(String clientId, Instant asOf) {
        return read(clientId, asOf).map(Read::history);
    }

    /** Empty when no such client is known. */
    public Optional<Read> read(String clientId, Instant asOf) {
        List<Subject> subjects = readStore.query(
                "SELECT aggregate_identifier, aggregate_type, region FROM history_subject WHERE client_id = ? ORDER BY aggregate_type",
                (row, n) -> new Subject(row.getString(1), row.getString(2), row.getString(3)), clientId);
        if (subjects.isEmpty()) {
            return Optional.empty();
        }
        String region = subjects.stream().filter(s -> s.aggregateType().equals("Client")).map(Subject::region)
                .findFirst().orElse(subjects.get(0).region());
        // The region's agreement versions, newest first: each entry takes the first that had taken effect by its date.
        List<AgreementVersion> versions = readStore.query("""
                SELECT agreement_id, version, effective_from FROM history_agreement_version
                WHERE region = ? ORDER BY effective_from DESC, version DESC""",
                (row, n) -> new AgreementVersion(row.getString(1), row.getInt(2), row.getDate(3).toLocalDate()), region);
        Map<String, AggregateState> states = new LinkedHashMap<>();
        subjects.forEach(s -> states.put(s.aggregateIdentifier(), new AggregateState(s.aggregateType(), s.aggregateIdentifier())));
        List<Entry> entries = new ArrayList<>();
        List<ClientInvolvements.Fact> facts = new ArrayList<>();
        Set<String> consents = new HashSet<>();
        String placeholders = String.join(",", Collections.nCopies(subjects.size(), "?"));
        events.query("SELECT global_index, aggregate_identifier, sequence_number, type, payload_type, payload, meta_data, time_stamp "
                        + "FROM domain_event_entry WHERE aggregate_identifier IN (" + placeholders + ") ORDER BY global_index",
                row -> {
                    Instant recordedAt = DateTimeUtils.parseInstant(row.getString("time_stamp"));
                    String type = simpleName(row.getString("payload_type"));
                    JsonNode payload = sealedTexts.open(read(row.getBytes("payload")));
                    JsonNode metaData = read(row.getBytes("meta_data"));
                    involvementFact(row.getString("payload_type"), payload, metaData, recordedAt).ifPresent(facts::add);
                    consent(type, payload, consents);
                    if (recordedAt.isAfter(asOf)) {
                        return;
                    }
                    String aggregateIdentifier = row.getString("aggregate_identifier");
                    states.get(aggregateIdentifier).apply(type, payload);
                    String businessDate = businessDate(payload);
                    entries.add(new Entry(row.getLong("global_index"), row.getString("type"), aggregateIdentifier,
                            row.getLong("sequence_number"), type, businessDate, recordedAt, actor(metaData),
                            payload.hasNonNull("grounds") ? payload.get("grounds").asText() : null,
                            agreement(payload, versions, businessDate)));
                },
                subjects.stream().map(Subject::aggregateIdentifier).toArray());
        List<JsonNode> stateAsOf = states.values().stream().map(s -> (JsonNode) s.node())
                .filter(node -> node.size() > 2).toList();
        return Optional.of(new Read(new History(clientId, asOf, entries, stateAsOf), ClientInvolvements.fold(facts),
                Set.copyOf(consents)));
    }

    /**
     * The history as an organisation of this type may see it (null: whole); a corporation's care facts depend on the
     * client's consent to that corporation, as in the client file.
     */
    public History minimised(Read read, OrganisationType readAs, String organisation) {
        return HistoryMinimisation.forReader(read.history(), readAs, organisation,
                read.consents(organisation, CORPORATION_CARE_PURPOSE));
    }

    /** The events that grant or end an involvement, as the kernel's rules read them. */
    private Optional<ClientInvolvements.Fact> involvementFact(String payloadType, JsonNode payload, JsonNode metaData,
                                                              Instant recordedAt) {
        Optional<Class<?>> type = InvolvementRules.EVENTS.stream().filter(c -> c.getName().equals(payloadType)).findFirst();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ClientInvolvements.Fact(json.treeToValue(payload, type.get()),
                    metaData.path(MetadataKeys.ACTOR_ORGANISATION).asText(null), recordedAt));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void consent(String type, JsonNode payload, Set<String> consents) {
        String key = payload.path("receivingOrganisation").asText() + "|" + payload.path("purpose").asText();
        if (type.equals("ConsentGivenEvent")) {
            consents.add(key);
        } else if (type.equals("ConsentWithdrawnEvent")) {
            consents.remove(key);
        }
    }

    private static Map<String, Object> agreement(JsonNode payload, List<AgreementVersion> versions, String businessDate) {
        Map<String, Object> agreement = new LinkedHashMap<>();
        if (payload.has("agreementVersion")) {
            agreement.put("agreementId", payload.path("agreementId").asText());
            agreement.put("version", payload.path("agreementVersion").asInt());
            agreement.put("recordedWithDecision", true);
            return agreement;
        }
        Optional<AgreementVersion> inForce = businessDate == null ? Optional.empty() : versions.stream()
                .filter(v -> !v.effectiveFrom().isAfter(LocalDate.parse(businessDate))).findFirst();
        agreement.put("agreementId", inForce.map(AgreementVersion::agreementId).orElse("national-default"));
        agreement.put("version", inForce.map(AgreementVersion::version).orElse(0));
        agreement.put("recordedWithDecision", false);
        return agreement;
    }

    /** The business date is the event's first date field named for what happened on it (movedInOn, offeredOn, ...). */
    private static String businessDate(JsonNode payload) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = payload.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("On") && field.getValue().isTextual()) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    private static Map<String, String> actor(JsonNode metaData) {
        Map<String, String> actor = new LinkedHashMap<>();
        actor.put("organisation", metaData.path("actorOrganisation").asText(null));
        actor.put("organisationType", metaData.path("actorOrganisationType").asText(null));
        actor.put("person", metaData.path("actorPerson").asText(null));
        actor.put("roles", metaData.path("actorRoles").asText(null));
        return actor;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
