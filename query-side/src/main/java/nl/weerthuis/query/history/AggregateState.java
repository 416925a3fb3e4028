package nl.weerthuis.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The state of one aggregate as its events up to an instant made it: a fold over the events, not the current state
 * of a read model. Kept to what an auditor asks about: who holds the lease, is the trajectory open, does care run.
 */
final class AggregateState {

    private final ObjectNode state = JsonNodeFactory.instance.objectNode();

    AggregateState(String aggregateType, String aggregateIdentifier) {
        state.put("aggregateType", aggregateType);
        state.put("aggregateIdentifier", aggregateIdentifier);
    }

    ObjectNode node() {
        return state;
    }

    void apply(String eventType, JsonNode event) {
        switch (eventType) {
            case "ClientRegisteredEvent" -> {
                copy(event, "setting", "region", "municipality", "careProvider");
                state.put("trajectory", "NONE");
                state.put("livesIndependently", false);
            }
            case "OutflowTrajectoryStartedEvent" -> state.put("trajectory", "OPEN");
            case "TrajectoryClosedEvent" -> state.put("trajectory", "CLOSED: " + event.path("reason").asText());
            case "OutflowRecordedEvent" -> {
                state.put("livesIndependently", true);
                state.put("movedInOn", event.path("movedInOn").asText());
            }
            case "ClientReturnedToCareEvent" -> {
                state.put("livesIndependently", false);
                state.put("setting", event.path("setting").asText());
            }
            case "ClientNoLongerHousedEvent" -> {
                state.put("livesIndependently", false);
                state.put("noLongerHousedSince", event.path("endedOn").asText());
            }
            case "ConsentGivenEvent" -> state.withArray("consents").add(consent(event));
            case "ConsentWithdrawnEvent" -> removeConsent(consent(event));
            case "MonitoringReviewRecordedEvent" -> state.put("reviewsRecorded", state.path("reviewsRecorded").asInt() + 1);
            case "DwellingOfferedEvent" -> {
                copy(event, "landlord", "careProvider", "leaseForm", "region");
                state.put("stage", "OFFERED");
            }
            case "OfferAcceptedEvent" -> state.put("stage", "ACCEPTED");
            case "OfferRefusedEvent" -> state.put("stage", "REFUSED");
            case "TenancyStartedEvent" -> {
                state.put("stage", "RUNNING");
                leaseHolder(event.path("leaseHolder").asText());
            }
            case "MovedInEvent" -> state.put("movedInOn", event.path("movedInOn").asText());
            case "FlipApprovedEvent" -> state.withArray("flipApprovedBy").add(event.path("party").asText());
            case "ContractFlippedEvent" -> {
                leaseHolder(event.path("leaseHolder").asText());
                state.put("leaseIndefinite", event.path("indefinite").asBoolean());
                state.put("flippedOn", event.path("flippedOn").asText());
            }
            case "SignalRaisedEvent" -> state.put("openSignals", state.path("openSignals").asInt() + 1);
            case "SignalResolvedEvent" -> state.put("openSignals", state.path("openSignals").asInt() - 1);
            case "TenancyEndedEvent" -> state.put("stage", "ENDED: " + event.path("reason").asText());
            case "IndicationGrantedEvent" -> {
                copy(event, "type", "hoursPerWeek", "provider", "validFrom", "validUntil");
                state.put("running", true);
                state.put("waakvlam", "NONE");
            }
            case "IndicationScaledEvent" -> copy(event, "hoursPerWeek");
            case "IndicationExtendedEvent" -> copy(event, "validUntil");
            case "IndicationEndedEvent" -> {
                state.put("running", false);
                state.put("endReason", event.path("reason").asText());
            }
            case "WaakvlamStartedEvent" -> state.put("waakvlam", "ACTIVE until " + event.path("until").asText());
            case "WaakvlamDeclinedEvent" -> state.put("waakvlam", "DECLINED");
            case "WaakvlamContactMissedEvent" -> state.put("waakvlamContactsMissed", state.path("waakvlamContactsMissed").asInt() + 1);
            case "WaakvlamEndedEvent" -> state.put("waakvlam", "ENDED: " + event.path("reason").asText());
            default -> { }
        }
    }

    /** The lease holder by name: the care provider's organisation id, or the client. */
    private void leaseHolder(String holder) {
        state.put("leaseHolder", "CLIENT".equals(holder) ? "CLIENT" : "CARE_PROVIDER " + state.path("careProvider").asText());
    }

    private void copy(JsonNode event, String... fields) {
        for (String field : fields) {
            if (event.has(field)) {
                state.set(field, event.get(field));
            }
        }
    }

    private static String consent(JsonNode event) {
        return event.path("receivingOrganisation").asText() + " for " + event.path("purpose").asText();
    }

    private void removeConsent(String consent) {
        var consents = state.withArray("consents");
        for (int i = 0; i < consents.size(); i++) {
            if (consents.get(i).asText().equals(consent)) {
                consents.remove(i);
                return;
            }
        }
    }
}
