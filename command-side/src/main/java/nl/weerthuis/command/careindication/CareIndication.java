package nl.weerthuis.command.careindication;

import nl.weerthuis.command.agreement.AgreementPolicies;
import nl.weerthuis.command.client.ClientRegister;
import nl.weerthuis.kernel.BusinessCalendar;
import nl.weerthuis.command.rules.RuleViolation;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.identity.OrganisationId;
import org.axonframework.messaging.annotation.MetaDataValue;
import nl.weerthuis.kernel.agreement.PolicyInForce;
import nl.weerthuis.kernel.careindication.*;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;

import static nl.weerthuis.command.rules.RuleViolation.require;
import static nl.weerthuis.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A care indication (Wmo beschikking) running alongside the journey, and the waakvlam that may follow it. The
 * waakvlam's contacts fall due on a persistent schedule; a contact not recorded by its due date is missed.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CareIndication {

    static final String CONTACT_DUE = "waakvlamContactDue";
    static final String WAAKVLAM_ENDS = "waakvlamEnds";

    @AggregateIdentifier
    private String indicationId;
    private String clientId;
    private String provider;
    private String region;
    private double hoursPerWeek;
    private LocalDate validUntil;
    private boolean ended;
    private boolean waakvlamActive;
    private LocalDate waakvlamStartedOn;
    private LocalDate waakvlamUntil;
    private LocalDate nextContactDueOn;
    // Snapshots taken before terms were ISO periods hold whole weeks under the old name.
    @com.fasterxml.jackson.annotation.JsonAlias("frequencyWeeks")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = nl.weerthuis.kernel.agreement.Term.Weeks.class)
    private java.time.Period frequency;

    protected CareIndication() {
    }

    @CommandHandler
    public CareIndication(GrantIndicationCommand command, ClientRegister clients,
                          @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String grantedBy) {
        ClientRegister.ClientStatus client = clients.find(command.clientId()).orElseThrow(() -> new RuleViolation(
                "CLIENT_MUST_BE_REGISTERED", "an indication is granted to a registered client"));
        // The Wmo beschikking is the decision of the client's own municipality; it names who provides the care.
        require(grantedBy != null && grantedBy.equals(client.registeredBy()), "INDICATION_BY_CLIENTS_MUNICIPALITY",
                "a care indication is granted by the municipality that registered the client");
        require(OrganisationId.isValid(command.provider()), "INDICATION_NAMES_PROVIDER",
                "an indication names its care provider (KvK number)");
        require(command.type() != null, "INDICATION_TYPE_REQUIRED", "the indication type is required");
        require(command.hoursPerWeek() > 0, "HOURS_MUST_BE_POSITIVE", "an indication grants some hours of support a week");
        require(command.validUntil().isAfter(command.validFrom()), "PERIOD_MUST_BE_POSITIVE",
                "an indication ends after it starts");
        apply(new IndicationGrantedEvent(command.indicationId(), command.clientId(), command.type(),
                command.hoursPerWeek(), command.provider(), command.region(), command.validFrom(), command.validUntil()));
    }

    @CommandHandler
    void handle(ScaleIndicationCommand command, ClientRegister clients,
                @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String scaledBy) {
        requireClientsMunicipality(clients, scaledBy);
        requireRunning();
        require(command.hoursPerWeek() > 0, "HOURS_MUST_BE_POSITIVE", "an indication grants some hours of support a week");
        require(command.hoursPerWeek() != hoursPerWeek, "SCALING_CHANGES_HOURS",
                "the indication has " + hoursPerWeek + " hours a week already");
        requireText(command.grounds(), "SCALING_NEEDS_GROUNDS", "scaling care up or down needs grounds");
        ScaleDirection direction = command.hoursPerWeek() > hoursPerWeek ? ScaleDirection.UP : ScaleDirection.DOWN;
        apply(new IndicationScaledEvent(indicationId, clientId, direction, hoursPerWeek, command.hoursPerWeek(),
                command.scaledOn(), command.grounds()));
    }

    @CommandHandler
    void handle(ExtendIndicationCommand command, ClientRegister clients,
                @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String extendedBy) {
        requireClientsMunicipality(clients, extendedBy);
        requireRunning();
        require(command.validUntil().isAfter(validUntil), "EXTENSION_MUST_LENGTHEN",
                "an extension ends after the current end date " + validUntil);
        apply(new IndicationExtendedEvent(indicationId, clientId, validUntil, command.validUntil(), command.grounds()));
    }

    @CommandHandler
    void handle(EndIndicationCommand command, AgreementPolicies policies, DeadlineManager deadlines, ClientRegister clients,
                @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String endedBy,
                @MetaDataValue(MetadataKeys.SENT_BY_THE_JOURNEY) Boolean byTheJourney) {
        // The journey process ends it when the client died (a fact the tenancy's end recorded), for whoever recorded it.
        if (!Boolean.TRUE.equals(byTheJourney)) {
            requireClientsMunicipality(clients, endedBy);
        }
        requireRunning();
        require(command.reason() != null, "END_REASON_REQUIRED", "say why the indication ends");
        apply(new IndicationEndedEvent(indicationId, clientId, command.reason(), command.endedOn(), provider,
                command.grounds()));
        if (command.reason() != IndicationEndReason.CAN_LIVE_INDEPENDENTLY) {
            return;
        }
        if (command.waakvlamDeclinedGrounds() != null && !command.waakvlamDeclinedGrounds().isBlank()) {
            apply(new WaakvlamDeclinedEvent(indicationId, clientId, command.endedOn(), command.waakvlamDeclinedGrounds()));
            return;
        }
        PolicyInForce policy = policies.inForce(region, command.endedOn());
        java.time.Period every = policy.policy().waakvlamFrequency();
        LocalDate until = WaakvlamSchedule.until(command.endedOn(), policy.policy().waakvlamDuration());
        LocalDate firstDue = WaakvlamSchedule.nextDue(command.endedOn(), every);
        apply(new WaakvlamStartedEvent(indicationId, clientId, command.endedOn(), every, until, firstDue,
                policy.agreementId(), policy.version()));
        scheduleContact(deadlines, firstDue);
        deadlines.schedule(BusinessCalendar.startOf(until), WAAKVLAM_ENDS, new WaakvlamDate(until));
    }

    @CommandHandler
    void handle(RecordWaakvlamContactCommand command, DeadlineManager deadlines) {
        require(waakvlamActive, "NO_ACTIVE_WAAKVLAM", "there is no active waakvlam to record a contact for");
        require(!command.contactOn().isBefore(waakvlamStartedOn), "CONTACT_DURING_WAAKVLAM",
                "a waakvlam contact takes place after the waakvlam started on " + waakvlamStartedOn);
        LocalDate nextDue = WaakvlamSchedule.nextDue(command.contactOn(), frequency);
        apply(new WaakvlamContactRecordedEvent(indicationId, clientId, command.contactOn(), nextDue, command.notes()));
        deadlines.cancelAllWithinScope(CONTACT_DUE);
        scheduleContact(deadlines, nextDue);
    }

    @DeadlineHandler(deadlineName = CONTACT_DUE)
    void contactDue(WaakvlamDate due, DeadlineManager deadlines) {
        // A deadline for a contact since recorded, or already counted as missed, is stale.
        if (!waakvlamActive || !due.on().equals(nextContactDueOn)) {
            return;
        }
        LocalDate nextDue = WaakvlamSchedule.nextDue(due.on(), frequency);
        apply(new WaakvlamContactMissedEvent(indicationId, clientId, due.on(), nextDue));
        scheduleContact(deadlines, nextDue);
    }

    /**
     * Deadlines that are all overdue (a waakvlam entered after the fact, or a scheduler that was down) fire in no
     * particular order, so the end first counts every contact that fell due before it and was not recorded.
     */
    @DeadlineHandler(deadlineName = WAAKVLAM_ENDS)
    void waakvlamEnds(WaakvlamDate end, DeadlineManager deadlines) {
        if (!waakvlamActive) {
            return;
        }
        for (LocalDate missed : WaakvlamSchedule.dueBefore(nextContactDueOn, waakvlamUntil, frequency)) {
            apply(new WaakvlamContactMissedEvent(indicationId, clientId, missed, WaakvlamSchedule.nextDue(missed, frequency)));
        }
        apply(new WaakvlamEndedEvent(indicationId, clientId, WaakvlamEndReason.AGREED_PERIOD_COMPLETED, end.on(), null));
        deadlines.cancelAllWithinScope(CONTACT_DUE);
    }

    @CommandHandler
    void handle(EndWaakvlamCommand command, DeadlineManager deadlines) {
        require(waakvlamActive, "NO_ACTIVE_WAAKVLAM", "there is no active waakvlam to end");
        require(command.reason() != null, "END_REASON_REQUIRED", "say why the waakvlam ends");
        apply(new WaakvlamEndedEvent(indicationId, clientId, command.reason(), command.endedOn(), command.grounds()));
        deadlines.cancelAllWithinScope(CONTACT_DUE);
        deadlines.cancelAllWithinScope(WAAKVLAM_ENDS);
    }

    /** Contacts fall due only within the agreed waakvlam period. */
    private void scheduleContact(DeadlineManager deadlines, LocalDate due) {
        if (due.isBefore(waakvlamUntil)) {
            deadlines.schedule(BusinessCalendar.startOf(due), CONTACT_DUE, new WaakvlamDate(due));
        }
    }

    /**
     * Scaling, extending and ending are changes of the beschikking, so decisions of the client's own municipality
     * like the grant: not of another municipality holding procesregie.
     */
    private void requireClientsMunicipality(ClientRegister clients, String actor) {
        String clientsMunicipality = clients.find(clientId).map(ClientRegister.ClientStatus::registeredBy).orElse(null);
        require(actor != null && actor.equals(clientsMunicipality), "INDICATION_BY_CLIENTS_MUNICIPALITY",
                "a care indication is changed by the municipality that registered the client");
    }

    private void requireRunning() {
        require(!ended, "INDICATION_ENDED", "this indication has ended");
    }

    @EventSourcingHandler
    void on(IndicationGrantedEvent event) {
        indicationId = event.indicationId();
        clientId = event.clientId();
        provider = event.provider();
        region = event.region();
        hoursPerWeek = event.hoursPerWeek();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(IndicationScaledEvent event) {
        hoursPerWeek = event.hoursPerWeek();
    }

    @EventSourcingHandler
    void on(IndicationExtendedEvent event) {
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(IndicationEndedEvent event) {
        ended = true;
    }

    @EventSourcingHandler
    void on(WaakvlamStartedEvent event) {
        waakvlamActive = true;
        waakvlamStartedOn = event.startedOn();
        waakvlamUntil = event.until();
        frequency = event.frequency();
        nextContactDueOn = event.firstContactDueOn();
    }

    @EventSourcingHandler
    void on(WaakvlamContactRecordedEvent event) {
        nextContactDueOn = event.nextDueOn();
    }

    @EventSourcingHandler
    void on(WaakvlamContactMissedEvent event) {
        nextContactDueOn = event.nextDueOn();
    }

    @EventSourcingHandler
    void on(WaakvlamEndedEvent event) {
        waakvlamActive = false;
    }

    /** Deadline payload: a waakvlam date. Only a date: no personal data in the scheduler. */
    record WaakvlamDate(LocalDate on) {
    }
}
