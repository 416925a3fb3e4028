package nl.weerthuis.query.history;

import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.careindication.IndicationEndedEvent;
import nl.weerthuis.kernel.careindication.IndicationExtendedEvent;
import nl.weerthuis.kernel.careindication.IndicationGrantedEvent;
import nl.weerthuis.kernel.careindication.IndicationScaledEvent;
import nl.weerthuis.kernel.careindication.WaakvlamContactMissedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamContactRecordedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamDeclinedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamEndedEvent;
import nl.weerthuis.kernel.careindication.WaakvlamStartedEvent;
import nl.weerthuis.kernel.client.ArrangementChecklistUpdatedEvent;
import nl.weerthuis.kernel.client.CaseCoordinationAssignedEvent;
import nl.weerthuis.kernel.client.ClientNoLongerHousedEvent;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ClientReturnedToCareEvent;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.client.HousingRequestWithdrawnEvent;
import nl.weerthuis.kernel.client.HousingRequestedEvent;
import nl.weerthuis.kernel.client.HousingWishesRecordedEvent;
import nl.weerthuis.kernel.client.MonitoringReviewDueEvent;
import nl.weerthuis.kernel.client.MonitoringReviewRecordedEvent;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosedEvent;
import nl.weerthuis.kernel.tenancy.ContractFlippedEvent;
import nl.weerthuis.kernel.tenancy.DwellingOfferedEvent;
import nl.weerthuis.kernel.tenancy.FlipApprovedEvent;
import nl.weerthuis.kernel.tenancy.FlipScheduledEvent;
import nl.weerthuis.kernel.tenancy.FlipTermExpiredEvent;
import nl.weerthuis.kernel.tenancy.FlipTermExpiryWithdrawnEvent;
import nl.weerthuis.kernel.tenancy.FlipTermReachedEvent;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import nl.weerthuis.kernel.tenancy.OfferAcceptedEvent;
import nl.weerthuis.kernel.tenancy.OfferRefusedEvent;
import nl.weerthuis.kernel.tenancy.SignalAcknowledgedEvent;
import nl.weerthuis.kernel.tenancy.SignalBlockOverriddenEvent;
import nl.weerthuis.kernel.tenancy.SignalDiscussedWithClientEvent;
import nl.weerthuis.kernel.tenancy.SignalEscalatedEvent;
import nl.weerthuis.kernel.tenancy.SignalRaisedEvent;
import nl.weerthuis.kernel.tenancy.SignalResolvedEvent;
import nl.weerthuis.kernel.tenancy.TenancyAgreementsRecordedEvent;
import nl.weerthuis.kernel.tenancy.TenancyEndedEvent;
import nl.weerthuis.kernel.tenancy.TenancyStartedEvent;
import nl.weerthuis.query.history.StateFold.Fact;

import java.util.Optional;
import java.util.function.Function;

/**
 * Each kind of event in plain words: what happened and for whom, its grounds, and the rule of the regional
 * agreement it applied. Written per reader's view: of care a corporation reads only that support runs, by whom and
 * until when; of a signal another organisation raised, only that there is one (as in the client file).
 */
final class Explanations {

    /** An event explained: a sentence, its grounds (null: none written) and the agreement rule it applied. */
    record Explained(String description, String grounds, Fact rule) {
    }

    /** What an explanation may draw on besides its event. */
    record Context(Organisations.Naming names, HistoryMinimisation.View view,
                   Function<String, Optional<StateFold>> stateOf, AgreementPolicy policy) {

        String org(String number) {
            return names.of(number);
        }

        Optional<TenancyState.Signal> signal(String tenancyId, String signalId) {
            return stateOf.apply(tenancyId).filter(TenancyState.class::isInstance).map(TenancyState.class::cast)
                    .flatMap(t -> t.signal(signalId));
        }

        String provider(String indicationId) {
            return stateOf.apply(indicationId).filter(CareIndicationState.class::isInstance)
                    .map(s -> ((CareIndicationState) s).provider()).map(this::org).orElse("the provider");
        }

        Fact policyRule(String label, Function<AgreementPolicy, String> rule) {
            return policy == null ? null : new Fact(label, rule.apply(policy));
        }
    }

    private Explanations() {
    }

    static Explained of(Object event, Context c) {
        // Client
        if (event instanceof ClientRegisteredEvent e) {
            return said("The client was registered in " + Labels.of(e.setting()) + (e.facility() == null ? "" : " at "
                    + e.facility()) + ", region " + e.region() + ", municipality " + e.municipality() + "; care provider "
                    + c.org(e.careProvider()) + ".");
        }
        if (event instanceof OutflowTrajectoryStartedEvent e) {
            return said("The client's outflow trajectory (uitstroomtraject) started, from " + Labels.of(e.setting())
                    + " in municipality " + e.municipality() + ".");
        }
        if (event instanceof ArrangementChecklistUpdatedEvent e) {
            return said("The client's checklist of arrangements was updated" + (e.checklist() == null ? "." : "; debts "
                    + (e.checklist().debtsStabilised() ? "are" : "are not yet") + " stabilised."));
        }
        if (event instanceof HousingWishesRecordedEvent) {
            return said("The client's housing wishes (zoekprofiel) were recorded.");
        }
        if (event instanceof ConsentGivenEvent e) {
            return said("The client consented to sharing with " + c.org(e.receivingOrganisation()) + " for the purpose "
                    + e.purpose() + ".");
        }
        if (event instanceof ConsentWithdrawnEvent e) {
            return said("The client withdrew their consent to sharing with " + c.org(e.receivingOrganisation())
                    + " for the purpose " + e.purpose() + ".");
        }
        if (event instanceof CaseCoordinationAssignedEvent e) {
            return said("Procesregie for the client was given to " + c.org(e.organisation())
                    + (e.organisationType() == null ? "" : ", " + Labels.of(e.organisationType())) + ".");
        }
        if (event instanceof HousingRequestedEvent e) {
            return said("The coordination point asked " + c.org(e.corporation()) + " for a dwelling for the client.");
        }
        if (event instanceof HousingRequestWithdrawnEvent e) {
            return said("The request to " + c.org(e.corporation()) + " for a dwelling for the client was withdrawn.");
        }
        if (event instanceof OutflowRecordedEvent e) {
            return new Explained("The client left care for a home of their own (outflow) on " + e.movedInOn() + ".", null,
                    new Fact("Monitoring reviews", "every " + Labels.of(e.reviewCadence()) + " for "
                            + Labels.of(e.reviewPeriod()) + " after moving in"));
        }
        if (event instanceof MonitoringReviewDueEvent e) {
            return new Explained("Monitoring review " + e.reviewNumber() + " fell due.", null, c.policyRule(
                    "Monitoring reviews", p -> "every " + Labels.of(p.reviewCadence()) + " for " + Labels.of(p.reviewPeriod())));
        }
        if (event instanceof MonitoringReviewRecordedEvent) {
            return said("A monitoring review was held with the client.");
        }
        if (event instanceof ClientReturnedToCareEvent e) {
            return new Explained("The client returned to care, in " + Labels.of(e.setting()) + ".", e.grounds(), null);
        }
        if (event instanceof ClientNoLongerHousedEvent e) {
            return said("The client no longer lives in the dwelling of their outflow: " + Labels.of(e.reason()) + ".");
        }
        if (event instanceof TrajectoryClosedEvent e) {
            return new Explained("The client's outflow trajectory was closed: " + Labels.of(e.reason()) + ".", e.grounds(), null);
        }
        if (event instanceof PersonalDataErasedEvent e) {
            return said("The client's personal data was erased (" + Labels.of(e.ground()) + "); the decisions remain, "
                    + "without it.");
        }
        // Tenancy
        if (event instanceof DwellingOfferedEvent e) {
            return new Explained(c.org(e.landlord()) + " offered the client a dwelling" + (e.dwelling() == null ? ""
                    : " in " + e.dwelling().municipality() + (e.dwelling().neighbourhood() == null ? "" : ", "
                    + e.dwelling().neighbourhood())) + (e.fromQuota() ? ", from its quota (contingent)" : ", by direct mediation")
                    + ", as " + Labels.of(e.leaseForm()) + ", with support by " + c.org(e.careProvider()) + ".", null,
                    new Fact("Offer deadline", "an offer within " + Labels.of(e.offerDeadline()) + " of the trajectory's "
                            + "start (" + e.trajectoryStartedOn() + ")"));
        }
        if (event instanceof OfferAcceptedEvent) {
            return said("The client accepted the offered dwelling.");
        }
        if (event instanceof OfferRefusedEvent e) {
            return new Explained("The offered dwelling was refused.", e.grounds(), null);
        }
        if (event instanceof TenancyStartedEvent e) {
            return said("The tenancy started as " + Labels.of(e.leaseForm()) + ": landlord " + c.org(e.landlord())
                    + ", lease held by " + holder(e.leaseHolder(), e.careProvider(), c) + ".");
        }
        if (event instanceof TenancyAgreementsRecordedEvent) {
            return said("The agreements of the tenancy were recorded.");
        }
        if (event instanceof MovedInEvent e) {
            return new Explained("The client moved in (outflow) in " + e.municipality()
                    + (e.neighbourhood() == null ? "" : ", " + e.neighbourhood()) + ".", null, flipTerm(
                    Labels.of(e.flipMinimumTerm()), Labels.of(e.flipMaximumTerm())));
        }
        if (event instanceof FlipScheduledEvent e) {
            return new Explained("The flip of the lease to the client's own name (omklap) was planned for "
                    + e.plannedOn() + ".", null, c.policyRule("Flip term", Explanations::flipTerm));
        }
        if (event instanceof FlipApprovedEvent e) {
            return said(capital(Labels.of(e.party())) + " approved the flip.");
        }
        if (event instanceof FlipTermReachedEvent) {
            return new Explained("The minimum term before the flip has passed: the flip may now be decided.", null,
                    c.policyRule("Flip term", Explanations::flipTerm));
        }
        if (event instanceof FlipTermExpiredEvent) {
            return new Explained("The maximum term before the flip passed without a flip.", null,
                    c.policyRule("Flip term", Explanations::flipTerm));
        }
        if (event instanceof FlipTermExpiryWithdrawnEvent e) {
            return said("The expiry of the flip term on " + e.expiredOn() + " was withdrawn: the lease had flipped "
                    + "within the term, on " + e.flippedOn() + ".");
        }
        if (event instanceof ContractFlippedEvent e) {
            return new Explained("The lease flipped (omklap): the client holds " + (e.indefinite() ? "an indefinite" : "a")
                    + " lease in their own name from " + c.org(e.landlord()) + ", in the same dwelling; before, it was held by "
                    + holder(e.previousLeaseHolder(), e.careProvider(), c) + ".", e.grounds(),
                    c.policyRule("Flip term", Explanations::flipTerm));
        }
        if (event instanceof SignalRaisedEvent e) {
            return said(c.view().seesSignalOf(e.sourceOrganisation())
                    ? "A signal of " + Labels.of(e.kind()) + ", severity " + Labels.of(e.severity()) + ", was raised by "
                    + c.org(e.sourceOrganisation()) + (e.sourceType() == null ? "" : ", " + Labels.of(e.sourceType())) + "."
                    : "A signal was raised by another organisation.");
        }
        if (event instanceof SignalAcknowledgedEvent e) {
            return said("The signal" + kind(e.tenancyId(), e.signalId(), c) + " was acknowledged.");
        }
        if (event instanceof SignalDiscussedWithClientEvent e) {
            return said("The signal" + kind(e.tenancyId(), e.signalId(), c) + " was discussed with the client.");
        }
        if (event instanceof SignalEscalatedEvent e) {
            return new Explained("The signal" + kind(e.tenancyId(), e.signalId(), c) + " was escalated to "
                    + Labels.of(e.target()) + ".", e.grounds(), null);
        }
        if (event instanceof SignalResolvedEvent e) {
            return said("The signal" + kind(e.tenancyId(), e.signalId(), c) + " was resolved.");
        }
        if (event instanceof SignalBlockOverriddenEvent e) {
            return new Explained("The open high-severity signals (" + e.signalIds().size() + ") were overridden: they "
                    + "do not block the flip.", e.grounds(), null);
        }
        if (event instanceof TenancyEndedEvent e) {
            return new Explained("The tenancy with " + c.org(e.landlord()) + " ended: " + Labels.of(e.reason()) + ".",
                    e.grounds(), null);
        }
        // Care indication
        if (event instanceof IndicationGrantedEvent e) {
            return said(c.view().seesCareInFull()
                    ? "A care indication for " + Labels.of(e.type()) + ", " + hours(e.hoursPerWeek()) + " a week, was granted "
                    + "with " + c.org(e.provider()) + " as provider, from " + e.validFrom() + " until " + e.validUntil() + "."
                    : "Support by " + c.org(e.provider()) + " runs from " + e.validFrom() + " until " + e.validUntil() + ".");
        }
        if (event instanceof IndicationScaledEvent e) {
            return new Explained("The indication was scaled " + Labels.of(e.direction()) + " from "
                    + hours(e.previousHoursPerWeek()) + " to " + hours(e.hoursPerWeek()) + " a week.", e.grounds(), null);
        }
        if (event instanceof IndicationExtendedEvent e) {
            return c.view().seesCareInFull()
                    ? new Explained("The indication was extended from " + e.previousValidUntil() + " until " + e.validUntil()
                    + ".", e.grounds(), null)
                    : said("Support by " + c.provider(e.indicationId()) + " was extended until " + e.validUntil() + ".");
        }
        if (event instanceof IndicationEndedEvent e) {
            return c.view().seesCareInFull()
                    ? new Explained("The indication ended: " + Labels.of(e.reason()) + ".", e.grounds(), null)
                    : said("Support by " + c.org(e.provider()) + " ended on " + e.endedOn() + ".");
        }
        if (event instanceof WaakvlamStartedEvent e) {
            return new Explained("A waakvlam (low-intensity after-care) started, until " + e.until() + "; the first "
                    + "contact is due on " + e.firstContactDueOn() + ".", null, new Fact("Waakvlam",
                    "a contact every " + Labels.of(e.frequency()) + " until " + e.until()));
        }
        if (event instanceof WaakvlamDeclinedEvent e) {
            return new Explained("No waakvlam follows the indication.", e.grounds(), null);
        }
        if (event instanceof WaakvlamContactRecordedEvent e) {
            return said("A waakvlam contact took place; the next is due on " + e.nextDueOn() + ".");
        }
        if (event instanceof WaakvlamContactMissedEvent e) {
            return new Explained("The waakvlam contact due on " + e.dueOn() + " was not recorded; the next is due on "
                    + e.nextDueOn() + ".", null, c.policyRule("Waakvlam", p -> "a contact every "
                    + Labels.of(p.waakvlamFrequency())));
        }
        if (event instanceof WaakvlamEndedEvent e) {
            return new Explained("The waakvlam ended: " + Labels.of(e.reason()) + ".", e.grounds(), null);
        }
        if (event instanceof org.axonframework.serialization.UnknownSerializedType unknown) {
            // Stored under a name no class or rename (EventRenames) answers to: shown, never dropped from the trail.
            return said("An event this version cannot read was recorded (stored as " + unknown.serializedType().getName() + ").");
        }
        return said("An event (" + words(event.getClass().getSimpleName()) + ") was recorded.");
    }

    private static Explained said(String description) {
        return new Explained(description, null, null);
    }

    private static String flipTerm(AgreementPolicy policy) {
        return flipTerm(Labels.of(policy.flipMinimumTerm()), Labels.of(policy.flipMaximumTerm())).value();
    }

    private static Fact flipTerm(String minimum, String maximum) {
        return new Fact("Flip term", "the flip after at least " + minimum + " and at most " + maximum + " after moving in");
    }

    private static String holder(nl.weerthuis.kernel.tenancy.LeaseHolder holder, String careProvider, Context c) {
        return holder == nl.weerthuis.kernel.tenancy.LeaseHolder.CLIENT ? "the client"
                : "the care provider, " + c.org(careProvider);
    }

    private static String kind(String tenancyId, String signalId, Context c) {
        return c.signal(tenancyId, signalId).filter(s -> c.view().seesSignalOf(s.raisedBy()))
                .map(s -> " of " + Labels.of(s.kind())).orElse("");
    }

    static String hours(double hours) {
        return (hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours)) + " hours";
    }

    private static String capital(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String words(String eventClass) {
        return eventClass.replaceAll("Event$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
