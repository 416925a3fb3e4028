package nl.weerthuis.query.history;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.query.history.DecisionHistory.Entry;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A history minimised for its reader's organisation type, exactly as the client file is: a housing corporation
 * sees the journey's decisions without what others wrote (their grounds), of a signal another organisation raised
 * only that there is one, and of care only that support runs, by whom and until when — and that only while the
 * client consents to it for "goed huurderschap"; never the kind of care, its hours, its scaling or why it ended.
 * "Others" means every other organisation, other corporations included: only the grounds its own organisation wrote
 * are its own. Everyone else sees the whole history.
 */
final class HistoryMinimisation {

    static final String CARE = "CareIndication";
    /** The care events a consenting client's corporation may see: support started, lengthened, stopped. */
    private static final Set<String> SUPPORT_FACTS = Set.of("IndicationGrantedEvent", "IndicationExtendedEvent",
            "IndicationEndedEvent");

    /** Who reads: the explanations are worded for it, the entries and states chosen for it. */
    record View(OrganisationType readAs, String organisation) {

        static View whole() {
            return new View(null, null);
        }

        boolean corporation() {
            return readAs == OrganisationType.HOUSING_CORPORATION;
        }

        boolean seesCareInFull() {
            return !corporation();
        }

        boolean seesSignalOf(String raisedBy) {
            return !corporation() || organisation != null && organisation.equals(raisedBy);
        }

        boolean seesGroundsOf(String writtenBy) {
            return !corporation() || organisation != null && organisation.equals(writtenBy);
        }
    }

    private HistoryMinimisation() {
    }

    static List<Entry> entries(List<Entry> entries, View view, boolean consentsToCareFacts) {
        if (!view.corporation()) {
            return entries;
        }
        return entries.stream()
                .filter(e -> !CARE.equals(e.aggregateType()) || consentsToCareFacts && SUPPORT_FACTS.contains(e.eventType()))
                .map(entry -> view.seesGroundsOf(entry.actor().get("organisation")) ? entry : entry.withoutGrounds())
                .toList();
    }

    static List<StateFold> states(List<StateFold> states, View view, boolean consentsToCareFacts) {
        if (!view.corporation()) {
            return states;
        }
        return states.stream()
                .filter(s -> !(s instanceof CareIndicationState) || consentsToCareFacts)
                .map(s -> s instanceof CareIndicationState care ? care.supportOnly() : s)
                .filter(Objects::nonNull)
                .toList();
    }
}
