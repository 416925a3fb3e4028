package nl.weerthuis.query.partner;

import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.FlipScheduledEvent;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import nl.weerthuis.kernel.involvement.InvolvementChange;
import nl.weerthuis.kernel.involvement.InvolvementRules;
import nl.weerthuis.kernel.privacy.DataSubjects;
import nl.weerthuis.query.eventsource.WritesPerUnitOfWork;
import java.util.List;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

import static nl.weerthuis.query.partner.PartnerEventTypes.*;

/**
 * What partner systems hear, and what each may know. A corporation learns tenancy facts and that support is
 * active, by whom and until when — the latter only with the client's consent for "goed huurderschap" — never the
 * kind of care, hours or any text; of signals others raised it learns that there is one, not its kind.
 * The feed is a log of disclosures: a replay would tell partners again, so it is never replayed.
 */
@Component
@ProcessingGroup(PartnerFeedProjection.GROUP)
@DisallowReplay
@WritesPerUnitOfWork
class PartnerFeedProjection {

    static final String GROUP = "partner-feed";

    private final PartnerFeed feed;

    PartnerFeedProjection(PartnerFeed feed) {
        this.feed = feed;
    }

    /**
     * Every event may change who is involved (the kernel's rules); those without a notification of their own only
     * that. An organisation that becomes involved by an event hears of it; one whose involvement it ends hears of it
     * too, and of nothing after.
     */
    @EventHandler
    void on(Object event, EventMessage<?> message) {
        telling(event, message, null, null);
    }

    /** {@code type} null: the event changes who is involved, if anything, and tells nobody. */
    private void telling(Object event, EventMessage<?> message, String type, PartnerFeed.Disclosure disclosure) {
        List<InvolvementChange> changes = InvolvementRules.changesOf(event,
                (String) message.getMetaData().get(MetadataKeys.ACTOR_ORGANISATION));
        String clientId = DataSubjects.of(event);
        feed.handle(clientId, changes, message.getTimestamp(), type == null ? null
                : new PartnerFeed.Notification(message.getIdentifier(), message.getTimestamp(), traceParentOf(message),
                        clientId, type, PERSONAL_DATA_ERASED.equals(type), disclosure));
    }

    @EventHandler
    void on(ConsentGivenEvent event) {
        feed.consent(event.clientId(), event.receivingOrganisation(), event.purpose(), true);
    }

    @EventHandler
    void on(ConsentWithdrawnEvent event) {
        feed.consent(event.clientId(), event.receivingOrganisation(), event.purpose(), false);
    }

    @EventHandler
    void on(TenancyStartedEvent event, EventMessage<?> message) {
        telling(event, message, TENANCY_STARTED, (to, consent, names) -> data("tenancyId", event.tenancyId(),
                        "landlord", event.landlord(), "landlordName", names.apply(event.landlord()),
                        "careProvider", event.careProvider(), "careProviderName", names.apply(event.careProvider()),
                        "leaseForm", event.leaseForm(),
                        "leaseHolder", event.leaseHolder(), "startsOn", event.startsOn()));
    }

    @EventHandler
    void on(MovedInEvent event, EventMessage<?> message) {
        telling(event, message, MOVED_IN, (to, consent, names) -> data("tenancyId", event.tenancyId(),
                        "movedInOn", event.movedInOn(), "municipality", event.municipality()));
    }

    @EventHandler
    void on(FlipScheduledEvent event, EventMessage<?> message) {
        telling(event, message, FLIP_SCHEDULED, (to, consent, names) -> data("tenancyId", event.tenancyId(),
                        "plannedOn", event.plannedOn()));
    }

    @EventHandler
    void on(ContractFlippedEvent event, EventMessage<?> message) {
        telling(event, message, CONTRACT_FLIPPED, (to, consent, names) -> data("tenancyId", event.tenancyId(),
                        "flippedOn", event.flippedOn(), "leaseHolder", event.leaseHolder(), "indefinite", event.indefinite()));
    }

    @EventHandler
    void on(TenancyEndedEvent event, EventMessage<?> message) {
        telling(event, message, TENANCY_ENDED, (to, consent, names) -> data("tenancyId", event.tenancyId(),
                        "endedOn", event.endedOn(), "reason", event.reason()));
    }

    @EventHandler
    void on(SignalRaisedEvent event, EventMessage<?> message) {
        telling(event, message, SIGNAL_RAISED, (to, consent, names) -> {
            // A corporation knows the kind of the signals its own organisation raised, not of every corporation's.
            boolean mayKnowKind = !to.isCorporation() || to.organisation().equals(event.sourceOrganisation());
            return data("tenancyId", event.tenancyId(), "signalId", event.signalId(),
                    "kind", mayKnowKind ? event.kind() : null, "severity", event.severity(),
                    "sourceType", event.sourceType(), "raisedOn", event.raisedOn());
        });
    }

    @EventHandler
    void on(SignalResolvedEvent event, EventMessage<?> message) {
        telling(event, message, SIGNAL_RESOLVED, (to, consent, names) -> data("tenancyId", event.tenancyId(),
                        "signalId", event.signalId(), "resolvedOn", event.resolvedOn()));
    }

    @EventHandler
    void on(IndicationGrantedEvent event, EventMessage<?> message) {
        telling(event, message, SUPPORT_STARTED, (to, consent, names) -> {
            if (to.isCorporation()) {
                return consent ? data("supportActive", true, "provider", event.provider(),
                        "providerName", names.apply(event.provider()), "validUntil", event.validUntil()) : null;
            }
            return data("supportActive", true, "provider", event.provider(), "providerName", names.apply(event.provider()),
                    "validUntil", event.validUntil(),
                    "indicationId", event.indicationId(), "type", event.type(), "hoursPerWeek", event.hoursPerWeek());
        });
    }

    @EventHandler
    void on(IndicationEndedEvent event, EventMessage<?> message) {
        telling(event, message, SUPPORT_ENDED, (to, consent, names) -> {
            if (to.isCorporation()) {
                return consent ? data("supportActive", false, "provider", event.provider(),
                        "providerName", names.apply(event.provider()), "endedOn", event.endedOn()) : null;
            }
            return data("supportActive", false, "provider", event.provider(), "providerName", names.apply(event.provider()),
                    "endedOn", event.endedOn(),
                    "indicationId", event.indicationId(), "reason", event.reason());
        });
    }

    /** Every partner that heard of the client is told to erase its copies. */
    @EventHandler
    void on(PersonalDataErasedEvent event, EventMessage<?> message) {
        telling(event, message, PERSONAL_DATA_ERASED, (to, consent, names) -> data("erasedOn", event.erasedOn(),
                        "instruction", "erase every copy of this subject's personal data"));
    }

    /** The W3C trace context the event was recorded in (the command's request), for its deliveries to continue. */
    private static String traceParentOf(EventMessage<?> message) {
        Object traceParent = message.getMetaData().get(MetadataKeys.TRACE_PARENT);
        return traceParent instanceof String text && text.length() <= 55 ? text : null;
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                data.put((String) pairs[i], pairs[i + 1] instanceof Enum<?> || pairs[i + 1] instanceof java.time.LocalDate
                        ? pairs[i + 1].toString() : pairs[i + 1]);
            }
        }
        return data;
    }
}
