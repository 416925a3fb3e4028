package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.query.history.DecisionHistory.Entry;
import nl.weerthuis.query.history.DecisionHistory.History;

import java.util.List;
import java.util.Set;

/**
 * A history minimised for its reader's organisation type, exactly as the client file is: a housing corporation
 * sees the journey's decisions without what others wrote (their grounds), and of care only that support runs, by
 * whom and until when — and that only while the client consents to it for "goed huurderschap"; never the kind of
 * care, its hours, its scaling or why it ended. "Others" means every other organisation, other corporations
 * included: only the grounds its own organisation wrote are its own. Everyone else sees the whole history.
 */
final class HistoryMinimisation {

    static final String CARE = "CareIndication";
    /** The care events a consenting client's corporation may see: support started, lengthened, stopped. */
    private static final Set<String> SUPPORT_FACTS = Set.of("IndicationGrantedEvent", "IndicationExtendedEvent",
            "IndicationEndedEvent");

    private HistoryMinimisation() {
    }

    static History forReader(History history, OrganisationType readAs, String organisation, boolean consentsToCareFacts) {
        if (readAs != OrganisationType.HOUSING_CORPORATION) {
            return history;
        }
        List<Entry> entries = history.entries().stream()
                .filter(e -> !CARE.equals(e.aggregateType()) || consentsToCareFacts && SUPPORT_FACTS.contains(e.eventType()))
                .map(entry -> withoutOthersText(entry, organisation))
                .toList();
        List<JsonNode> states = history.stateAsOf().stream()
                .filter(s -> !CARE.equals(s.path("aggregateType").asText()) || consentsToCareFacts)
                .map(s -> CARE.equals(s.path("aggregateType").asText()) ? supportOnly(s) : s)
                .toList();
        return new History(history.clientId(), history.asOf(), entries, states);
    }

    private static Entry withoutOthersText(Entry entry, String organisation) {
        boolean ownText = organisation != null && organisation.equals(entry.actor().get("organisation"));
        return ownText || entry.grounds() == null ? entry : new Entry(entry.globalIndex(), entry.aggregateType(),
                entry.aggregateIdentifier(), entry.sequenceNumber(), entry.eventType(), entry.businessDate(),
                entry.recordedAt(), entry.actor(), null, entry.agreement());
    }

    private static JsonNode supportOnly(JsonNode state) {
        ObjectNode support = JsonNodeFactory.instance.objectNode();
        for (String field : new String[]{"aggregateType", "aggregateIdentifier", "provider", "validUntil", "running"}) {
            if (state.has(field)) {
                support.set(field, state.get(field));
            }
        }
        return support;
    }
}
