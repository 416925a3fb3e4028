package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.weerthuis.kernel.BusinessDated;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.agreement.DecidedUnderAgreement;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import nl.weerthuis.kernel.involvement.ClientInvolvements;
import nl.weerthuis.kernel.involvement.InvolvementRules;
import nl.weerthuis.query.history.HistoryEvents.Stored;
import nl.weerthuis.query.history.HistoryMinimisation.View;
import nl.weerthuis.query.history.StateFold.Fact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client's decision history across Client, Tenancy and CareIndication, read from the event store as of an
 * instant: what happened in plain words, on which business date, when it was recorded, who acted (by name), on which
 * grounds, under which agreement version and rule — and the state each aggregate had then, as readable facts.
 */
@Component
public class DecisionHistory {

    /** The purpose for which a client lets a corporation know that support runs (as for the client file). */
    static final String CORPORATION_CARE_PURPOSE = "goed-huurderschap";
    /** Entries per page when the reader asks for no other number, and the most it may ask for. */
    public static final int DEFAULT_LIMIT = 500, MAX_LIMIT = 1000;

    private final JdbcTemplate readStore;
    private final HistoryEvents events;
    private final Organisations organisations;
    private final ObjectMapper json;
    /** Agreement policies as parsed, by their stored JSON; at most this many kept. */
    private final Map<String, AgreementPolicy> policies = new ConcurrentHashMap<>();
    private static final int PARSED_POLICIES = 1000;

    DecisionHistory(JdbcTemplate readStore, HistoryEvents events, Organisations organisations, ObjectMapper json) {
        this.readStore = readStore;
        this.events = events;
        this.organisations = organisations;
        this.json = json;
    }

    public record Entry(long globalIndex, String aggregateType, String aggregateIdentifier, long sequenceNumber,
                        String eventType, String businessDate, Instant recordedAt, Map<String, String> actor,
                        String description, String grounds, Map<String, Object> agreement, Fact rule) {

        Entry withoutGrounds() {
            return grounds == null ? this : new Entry(globalIndex, aggregateType, aggregateIdentifier, sequenceNumber,
                    eventType, businessDate, recordedAt, actor, description, null, agreement, rule);
        }
    }

    /** One aggregate's state as of the instant, in readable facts. */
    public record State(String aggregateType, String aggregateIdentifier, String title, List<Fact> facts) {
    }

    /** The page of entries: at most {@code limit} after global index {@code after}; {@code nextAfter} null at the end. */
    public record Page(int limit, long after, Long nextAfter) {
    }

    public record History(String clientId, Instant asOf, List<Entry> entries, List<State> stateAsOf, Page page) {
    }

    /**
     * What a reader is weighed by before anything is shown: which aggregates are the client's, who is or was involved
     * and which consents stand — all from all of the client's events, not only those up to an instant. Those events
     * are kept: the history is cut from them, not read again; and so are the agreement versions of the client's
     * region, read with its aggregates.
     */
    public record Standing(String clientId, List<Subject> subjects, ClientInvolvements involvements, Set<String> consents,
                           List<Stored> events, List<AgreementVersion> agreementVersions) {

        public boolean consents(String organisation, String purpose) {
            return consents.contains(organisation + "|" + purpose);
        }
    }

    record Subject(String aggregateIdentifier, String aggregateType, String region) {
    }

    record AgreementVersion(String agreementId, int version, LocalDate effectiveFrom, String name,
                            AgreementPolicy policy) {
    }

    /** Empty when no such client is known. */
    public Optional<Standing> standing(String clientId) {
        List<Subject> subjects = new ArrayList<>();
        List<AgreementVersion> versions = new ArrayList<>();
        // The client's aggregates and their region's agreement versions (newest first: an entry takes the first that
        // had taken effect by its date), in one round trip. The region is the client's, or else that of the first
        // aggregate by type.
        readStore.query("""
                WITH subject AS (SELECT aggregate_identifier, aggregate_type, region FROM history_subject WHERE client_id = ?),
                     home AS (SELECT region FROM subject ORDER BY aggregate_type <> 'Client', aggregate_type LIMIT 1)
                SELECT 0 AS part, aggregate_identifier, aggregate_type, region, NULL AS version, NULL AS effective_from,
                       NULL AS policy, NULL AS name
                FROM subject
                UNION ALL
                SELECT 1, v.agreement_id, NULL, v.region, v.version, v.effective_from, v.policy,
                       (SELECT n.name FROM history_agreement_version n
                        WHERE n.agreement_id = v.agreement_id AND n.name IS NOT NULL ORDER BY n.version LIMIT 1)
                FROM history_agreement_version v WHERE v.region = (SELECT region FROM home)
                ORDER BY part, aggregate_type, effective_from DESC, version DESC""", (RowCallbackHandler) row -> {
            if (row.getInt("part") == 0) {
                subjects.add(new Subject(row.getString(2), row.getString(3), row.getString(4)));
            } else {
                versions.add(new AgreementVersion(row.getString(2), row.getInt(5), row.getDate(6).toLocalDate(),
                        row.getString(8), policy(row.getString(7))));
            }
        }, clientId);
        if (subjects.isEmpty()) {
            return Optional.empty();
        }
        List<ClientInvolvements.Fact> facts = new ArrayList<>();
        Set<String> consents = new HashSet<>();
        List<Stored> all = events.of(identifiers(subjects));
        for (Stored stored : all) {
            Class<?> type = stored.message().getPayloadType();
            // Only these payloads are deserialised: the type is known from the (upcast) stored name alone.
            if (InvolvementRules.EVENTS.contains(type)) {
                facts.add(new ClientInvolvements.Fact(stored.event(), metaData(stored, MetadataKeys.ACTOR_ORGANISATION),
                        stored.recordedAt()));
            }
            if (type == ConsentGivenEvent.class) {
                ConsentGivenEvent given = (ConsentGivenEvent) stored.event();
                consents.add(given.receivingOrganisation() + "|" + given.purpose());
            } else if (type == ConsentWithdrawnEvent.class) {
                ConsentWithdrawnEvent withdrawn = (ConsentWithdrawnEvent) stored.event();
                consents.remove(withdrawn.receivingOrganisation() + "|" + withdrawn.purpose());
            }
        }
        return Optional.of(new Standing(clientId, subjects, ClientInvolvements.fold(facts), Set.copyOf(consents), all,
                List.copyOf(versions)));
    }

    /**
     * The history as of {@code asOf}, one page of it, as an organisation of type {@code readAs} (null: whole) may see
     * it; a corporation's care facts depend on the client's consent to that corporation, as in the client file.
     */
    public History history(Standing standing, Instant asOf, long after, int limit, OrganisationType readAs,
                           String organisation) {
        View view = new View(readAs, organisation);
        boolean consentsToCare = standing.consents(organisation, CORPORATION_CARE_PURPOSE);
        Map<String, StateFold> states = new LinkedHashMap<>();
        standing.subjects().forEach(s -> states.put(s.aggregateIdentifier(), fold(s)));
        // The standing read every event of the client; the page and the state are cut from that one read, not read
        // again. The state is folded from every event up to the instant, not only the page's.
        List<Stored> upToInstant = standing.events().stream().filter(stored -> !stored.recordedAt().isAfter(asOf)).toList();
        List<Stored> page = upToInstant.stream().filter(stored -> stored.globalIndex() > after).limit(limit + 1L).toList();
        Long nextAfter = page.size() > limit ? page.get(limit - 1).globalIndex() : null;
        page = page.subList(0, Math.min(limit, page.size()));
        upToInstant.forEach(stored -> states.get(stored.message().getAggregateIdentifier()).apply(stored.event()));
        List<AgreementVersion> versions = standing.agreementVersions();
        Organisations.Naming names = organisations.naming(organisationsNamedIn(standing));
        List<Entry> entries = page.stream()
                .map(stored -> entry(stored, versions, names, view, states)).toList();
        List<State> stateAsOf = HistoryMinimisation.states(states.values().stream().filter(StateFold::folded).toList(),
                        view, consentsToCare).stream()
                .map(s -> new State(s.aggregateType(), s.aggregateIdentifier(), s.title(), s.facts(names))).toList();
        return new History(standing.clientId(), asOf, HistoryMinimisation.entries(entries, view, consentsToCare),
                stateAsOf, new Page(limit, after, nextAfter));
    }

    /**
     * The organisations a history will name, as far as known before it is written: who recorded its events, who is
     * or was involved, who holds a consent. Named in one look-up; any other number a sentence names is looked up then.
     */
    private static Set<String> organisationsNamedIn(Standing standing) {
        Set<String> numbers = new HashSet<>();
        standing.events().forEach(stored -> numbers.add(metaData(stored, MetadataKeys.ACTOR_ORGANISATION)));
        standing.involvements().all().forEach(involvement -> numbers.add(involvement.organisation()));
        standing.consents().forEach(consent -> numbers.add(consent.substring(0, consent.indexOf('|'))));
        numbers.remove(null);
        return numbers;
    }

    private static StateFold fold(Subject subject) {
        return switch (subject.aggregateType()) {
            case "Client" -> new ClientState(subject.aggregateIdentifier());
            case "Tenancy" -> new TenancyState(subject.aggregateIdentifier());
            default -> new CareIndicationState(subject.aggregateIdentifier());
        };
    }

    private Entry entry(Stored stored, List<AgreementVersion> versions, Organisations.Naming names, View view,
                        Map<String, StateFold> states) {
        Object event = stored.event();
        LocalDate businessDate = event instanceof BusinessDated dated ? dated.businessDate() : null;
        Optional<AgreementVersion> version = agreementVersion(event, versions, businessDate);
        Explanations.Explained explained = Explanations.of(event, new Explanations.Context(names, view,
                id -> Optional.ofNullable(states.get(id)), version.map(AgreementVersion::policy).orElse(
                        version.isEmpty() ? AgreementPolicy.NATIONAL_DEFAULT : null)));
        var message = stored.message();
        return new Entry(stored.globalIndex(), message.getType(), message.getAggregateIdentifier(),
                message.getSequenceNumber(), event.getClass().getSimpleName(),
                businessDate == null ? null : businessDate.toString(), stored.recordedAt(), actor(stored, names),
                explained.description(), explained.grounds(), agreement(event, version), explained.rule());
    }

    /** The version recorded with the decision, or else the one in force on its business date (empty: national default). */
    private static Optional<AgreementVersion> agreementVersion(Object event, List<AgreementVersion> versions,
                                                               LocalDate businessDate) {
        if (event instanceof DecidedUnderAgreement recorded) {
            return Optional.of(versions.stream().filter(v -> v.agreementId().equals(recorded.agreementId())
                            && v.version() == recorded.agreementVersion()).findFirst()
                    .orElse(new AgreementVersion(recorded.agreementId(), recorded.agreementVersion(), null, null, null)));
        }
        return businessDate == null ? Optional.empty()
                : versions.stream().filter(v -> !v.effectiveFrom().isAfter(businessDate)).findFirst();
    }

    private static Map<String, Object> agreement(Object event, Optional<AgreementVersion> version) {
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("agreementId", version.map(AgreementVersion::agreementId).orElse("national-default"));
        agreement.put("name", version.map(v -> v.name() == null ? v.agreementId() : v.name())
                .orElse("national default rules"));
        agreement.put("version", version.map(AgreementVersion::version).orElse(0));
        agreement.put("effectiveFrom", version.map(AgreementVersion::effectiveFrom).map(LocalDate::toString).orElse(null));
        agreement.put("recordedWithDecision", event instanceof DecidedUnderAgreement);
        return agreement;
    }

    private AgreementPolicy policy(String stored) {
        if (stored == null) {
            return null;
        }
        // Keyed on the stored text itself, so never stale; a region has a handful of versions, and every history
        // would otherwise parse the same ones again.
        AgreementPolicy parsed = policies.get(stored);
        if (parsed == null) {
            try {
                parsed = json.readValue(stored, AgreementPolicy.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (policies.size() >= PARSED_POLICIES) {
                policies.clear();
            }
            policies.put(stored, parsed);
        }
        return parsed;
    }

    private static Map<String, String> actor(Stored stored, Organisations.Naming names) {
        String organisation = metaData(stored, MetadataKeys.ACTOR_ORGANISATION);
        String type = metaData(stored, MetadataKeys.ACTOR_ORGANISATION_TYPE);
        String person = metaData(stored, MetadataKeys.ACTOR_PERSON);
        String roles = metaData(stored, MetadataKeys.ACTOR_ROLES);
        Map<String, String> actor = new LinkedHashMap<>();
        actor.put("organisation", organisation);
        actor.put("organisationName", names.of(organisation));
        actor.put("organisationType", type);
        actor.put("person", person);
        actor.put("roles", roles);
        actor.put("description", organisation == null ? "the system (the journey's own process)"
                : names.of(organisation) + (type == null ? "" : ", " + label(OrganisationType.class, type))
                + (roles == null ? "" : ", as " + String.join(", ", Arrays.stream(roles.split(",")).map(String::trim)
                .map(r -> label(Role.class, r)).toList())) + (person == null ? "" : " (" + person + ")"));
        return actor;
    }

    private static <E extends Enum<E>> String label(Class<E> type, String code) {
        try {
            return Labels.of(Enum.valueOf(type, code));
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private static String metaData(Stored stored, String key) {
        Object value = stored.message().getMetaData().get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> identifiers(List<Subject> subjects) {
        return subjects.stream().map(Subject::aggregateIdentifier).toList();
    }
}
