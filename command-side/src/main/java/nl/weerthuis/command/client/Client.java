package nl.weerthuis.command.client;

import nl.weerthuis.command.agreement.AgreementPolicies;
import nl.weerthuis.kernel.BusinessCalendar;
import nl.weerthuis.kernel.agreement.PolicyInForce;
import nl.weerthuis.kernel.client.ArrangementChecklistUpdatedEvent;
import nl.weerthuis.kernel.client.AssignCaseCoordinationCommand;
import nl.weerthuis.kernel.client.CaseCoordinationAssignedEvent;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.ClientNoLongerHousedEvent;
import nl.weerthuis.kernel.client.ClientReturnedToCareEvent;
import nl.weerthuis.kernel.client.RecordHousingEndedCommand;
import nl.weerthuis.kernel.client.CloseTrajectoryCommand;
import nl.weerthuis.kernel.client.ConsentGivenEvent;
import nl.weerthuis.kernel.client.ConsentWithdrawnEvent;
import nl.weerthuis.kernel.client.GiveConsentCommand;
import nl.weerthuis.kernel.client.HousingWishesRecordedEvent;
import nl.weerthuis.kernel.client.MonitoringReviewDueEvent;
import nl.weerthuis.kernel.client.MonitoringReviewRecordedEvent;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import nl.weerthuis.kernel.client.OutflowTrajectoryStartedEvent;
import nl.weerthuis.kernel.client.RecordHousingWishesCommand;
import nl.weerthuis.kernel.client.RecordMonitoringReviewCommand;
import nl.weerthuis.kernel.client.RecordOutflowCommand;
import nl.weerthuis.kernel.client.RecordReturnToCareCommand;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import nl.weerthuis.kernel.client.StartOutflowTrajectoryCommand;
import nl.weerthuis.kernel.client.TrajectoryClosedEvent;
import nl.weerthuis.kernel.client.TrajectoryClosure;
import nl.weerthuis.kernel.client.UpdateArrangementChecklistCommand;
import nl.weerthuis.kernel.client.WithdrawConsentCommand;
import nl.weerthuis.kernel.client.ErasePersonalDataCommand;
import nl.weerthuis.kernel.client.HousingRequestWithdrawnEvent;
import nl.weerthuis.kernel.client.HousingRequestedEvent;
import nl.weerthuis.kernel.client.RequestHousingCommand;
import nl.weerthuis.kernel.client.WithdrawHousingRequestCommand;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.identity.OrganisationId;
import org.axonframework.messaging.annotation.MetaDataValue;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static nl.weerthuis.command.rules.RuleViolation.require;
import static nl.weerthuis.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person on their way out of BW or MO. Registered by the central intake; holds the outflow trajectory, the
 * consents and the monitoring reviews after move-in. Registered through {@link ClientConfiguration}, so the class
 * itself knows nothing of Spring.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@org.axonframework.serialization.Revision("2") // reviews are decided against its state: older snapshots lack it
public class Client {

    static final String REVIEW_DUE = "monitoringReviewDue";

    @AggregateIdentifier
    private String clientId;
    private CareSetting setting;
    private String region;
    private String municipality;
    /** The client's own municipality: the organisation that registered them (the central intake). */
    private String registeredBy;
    private boolean trajectoryOpen;
    private boolean debtsStabilised;
    private String housedInTenancy;
    private LocalDate movedInOn;
    private java.time.Period reviewCadence;
    private java.time.Period reviewPeriod;
    private final java.util.List<LocalDate> reviewsHeld = new java.util.ArrayList<>();
    private final Set<Integer> reviewsDue = new HashSet<>();
    private final Set<String> consents = new HashSet<>();
    private final Set<String> coordinators = new HashSet<>();
    private boolean erased;

    protected Client() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Client(RegisterClientCommand command) {
        apply(new ClientRegisteredEvent(command.clientId(), command.setting(), command.facility(), command.region(),
                command.municipality(), command.careProvider(), command.registeredOn(), command.personalDetails()));
    }

    /** Once a client is erased their journey is closed to new facts: only the anonymous trail is left. */
    @CommandHandlerInterceptor
    Object refuseAfterErasure(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        require(!erased || command.getPayload() instanceof ErasePersonalDataCommand, "PERSONAL_DATA_ERASED",
                "the personal data of this client has been erased; their journey takes no new facts");
        return chain.proceed();
    }

    /** Erasure is the controller's act: the client's own municipality, not whoever else holds procesregie. */
    @CommandHandler
    void handle(ErasePersonalDataCommand command, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String erasedBy) {
        require(erasedBy != null && erasedBy.equals(registeredBy), "ERASURE_BY_CLIENTS_MUNICIPALITY",
                "the personal data of a client is erased by the municipality that registered them");
        require(command.ground() != null, "ERASURE_GROUND_REQUIRED", "say on which ground the data is erased");
        if (!erased) { // erasing twice is erasing once
            apply(new PersonalDataErasedEvent(clientId, command.ground(), command.erasedOn()));
        }
    }

    @EventSourcingHandler
    void on(PersonalDataErasedEvent event) {
        erased = true;
    }

    @CommandHandler
    void handle(StartOutflowTrajectoryCommand command) {
        require(!trajectoryOpen, "TRAJECTORY_ALREADY_OPEN", "the client already has an open outflow trajectory");
        require(housedInTenancy == null, "CLIENT_NOT_IN_CARE",
                "a trajectory starts for a client in BW or MO, and this client lives independently");
        apply(new OutflowTrajectoryStartedEvent(clientId, setting, region, municipality, command.startedOn()));
    }

    @CommandHandler
    void handle(UpdateArrangementChecklistCommand command) {
        require(command.checklist() != null, "CHECKLIST_REQUIRED", "the checklist is required");
        apply(new ArrangementChecklistUpdatedEvent(clientId, command.checklist(), command.updatedOn()));
    }

    @CommandHandler
    void handle(RecordHousingWishesCommand command) {
        requireText(command.wishes(), "WISHES_REQUIRED", "the housing wishes are required");
        apply(new HousingWishesRecordedEvent(clientId, command.wishes(), command.accessibilityNeeds(),
                command.recordedOn()));
    }

    /** Procesregie is the client's municipality's to give. */
    @CommandHandler
    void handle(AssignCaseCoordinationCommand command,
                @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String assignedBy) {
        require(assignedBy != null && assignedBy.equals(registeredBy), "CASE_COORDINATION_BY_CLIENTS_MUNICIPALITY",
                "procesregie is assigned by the municipality that registered the client");
        require(OrganisationId.isValid(command.organisation()) && command.organisationType() != null,
                "CASE_COORDINATOR_REQUIRED", "name the organisation (OIN or KvK) and its type");
        require(!coordinators.contains(command.organisation()), "CASE_COORDINATION_ASSIGNED_ONCE",
                "this organisation holds procesregie for the client already");
        apply(new CaseCoordinationAssignedEvent(clientId, command.organisation(), command.organisationType(),
                command.assignedOn()));
    }

    /**
     * The coordination point asks a named corporation for a dwelling: only then may that corporation offer one (and
     * see the client). Whether a request still stands is the command side's lookup: a tenancy ending closes it.
     */
    @CommandHandler
    void handle(RequestHousingCommand command, ClientRegister clients,
                @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String requestedBy) {
        requireCoordinationPoint(requestedBy, "HOUSING_REQUEST_BY_COORDINATION_POINT");
        require(OrganisationId.isValid(command.corporation()), "CORPORATION_REQUIRED",
                "name the corporation asked (its KvK number)");
        require(trajectoryOpen, "HOUSING_REQUEST_NEEDS_OPEN_TRAJECTORY",
                "a dwelling is requested for a client with an open outflow trajectory");
        require(debtsStabilised, "DEBTS_STABILISED_BEFORE_REQUEST",
                "debts must be stabilised before a dwelling is requested (arrangement checklist)");
        require(!standingRequests(clients).contains(command.corporation()), "HOUSING_REQUESTED_ONCE",
                "this corporation has been asked already and the request stands");
        apply(new HousingRequestedEvent(clientId, command.corporation(), command.requestedOn()));
    }

    @CommandHandler
    void handle(WithdrawHousingRequestCommand command, ClientRegister clients,
                @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String withdrawnBy) {
        requireCoordinationPoint(withdrawnBy, "HOUSING_REQUEST_BY_COORDINATION_POINT");
        require(standingRequests(clients).contains(command.corporation()), "NO_SUCH_HOUSING_REQUEST",
                "this corporation has no standing request to withdraw");
        apply(new HousingRequestWithdrawnEvent(clientId, command.corporation(), command.withdrawnOn()));
    }

    private java.util.Set<String> standingRequests(ClientRegister clients) {
        return clients.find(clientId).map(ClientRegister.ClientStatus::housingRequestedFrom).orElse(java.util.Set.of());
    }

    /** The coordination point: the municipality that registered the client, or whoever holds procesregie. */
    private void requireCoordinationPoint(String actor, String rule) {
        require(actor != null && (actor.equals(registeredBy) || coordinators.contains(actor)), rule,
                "only the client's municipality or the holder of procesregie involves a corporation");
    }

    @EventSourcingHandler
    void on(CaseCoordinationAssignedEvent event) {
        coordinators.add(event.organisation());
    }

    /**
     * The client's consents are recorded by their own municipality (the central intake, the controller), not by
     * another organisation holding procesregie: a consent opens what a partner may see.
     */
    @CommandHandler
    void handle(GiveConsentCommand command, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String recordedBy) {
        requireClientsMunicipality(recordedBy);
        require(!consents.contains(consentKey(command.receivingOrganisation(), command.purpose())),
                "CONSENT_ALREADY_GIVEN", "this consent is already given");
        apply(new ConsentGivenEvent(clientId, command.receivingOrganisation(), command.purpose(), command.givenOn()));
    }

    @CommandHandler
    void handle(WithdrawConsentCommand command, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String recordedBy) {
        requireClientsMunicipality(recordedBy);
        require(consents.contains(consentKey(command.receivingOrganisation(), command.purpose())),
                "NO_SUCH_CONSENT", "there is no consent for this organisation and purpose to withdraw");
        apply(new ConsentWithdrawnEvent(clientId, command.receivingOrganisation(), command.purpose(),
                command.withdrawnOn()));
    }

    @CommandHandler
    void handle(RecordOutflowCommand command, AgreementPolicies policies, DeadlineManager deadlines) {
        require(trajectoryOpen, "NO_OPEN_TRAJECTORY", "outflow is recorded for a client with an open trajectory");
        if (command.tenancyId().equals(housedInTenancy)) {
            return; // the journey process may deliver the same move-in twice; it is one outflow
        }
        PolicyInForce policy = policies.inForce(region, command.movedInOn());
        java.time.Period cadence = policy.policy().reviewCadence();
        java.time.Period period = policy.policy().reviewPeriod();
        apply(new OutflowRecordedEvent(clientId, command.tenancyId(), command.movedInOn(), policy.agreementId(),
                policy.version(), cadence, period));
        java.util.List<LocalDate> due = ReviewSchedule.dueDates(command.movedInOn(), cadence, period);
        for (int review = 1; review <= due.size(); review++) {
            LocalDate dueOn = due.get(review - 1);
            deadlines.schedule(BusinessCalendar.startOf(dueOn), REVIEW_DUE, new ReviewDue(review, dueOn));
        }
    }

    /**
     * Decided by business date, whenever the deadline fires: every review up to this one that fell due, was not held
     * and is not yet on record as due is recorded now, in order. Overdue deadlines (a journey entered after the fact)
     * fire in any order; the first to fire records the earlier ones, the later ones find nothing left to do.
     */
    @DeadlineHandler(deadlineName = REVIEW_DUE)
    void reviewDue(ReviewDue due) {
        if (housedInTenancy == null || reviewCadence == null) {
            return;
        }
        java.util.List<LocalDate> dueDates = ReviewSchedule.dueDates(movedInOn, reviewCadence, reviewPeriod);
        for (int n = 1; n <= Math.min(due.reviewNumber(), dueDates.size()); n++) {
            if (!reviewsDue.contains(n) && !ReviewSchedule.held(movedInOn, reviewCadence, dueDates, n, reviewsHeld)) {
                apply(new MonitoringReviewDueEvent(clientId, n, dueDates.get(n - 1)));
            }
        }
    }

    @EventSourcingHandler
    void on(MonitoringReviewDueEvent event) {
        reviewsDue.add(event.reviewNumber());
    }

    @EventSourcingHandler
    void on(MonitoringReviewRecordedEvent event) {
        reviewsHeld.add(event.reviewedOn());
    }

    @CommandHandler
    void handle(RecordMonitoringReviewCommand command) {
        require(housedInTenancy != null, "CLIENT_NOT_HOUSED", "monitoring reviews follow a move-in");
        requireText(command.outcome(), "REVIEW_NEEDS_OUTCOME", "a review records its outcome");
        apply(new MonitoringReviewRecordedEvent(clientId, command.reviewedOn(), command.outcome()));
    }

    @CommandHandler
    void handle(RecordReturnToCareCommand command, DeadlineManager deadlines) {
        require(housedInTenancy != null, "CLIENT_NOT_HOUSED", "a client returns to care after living independently");
        require(command.setting() != null, "SETTING_REQUIRED", "say whether the client returns to BW or MO");
        requireText(command.grounds(), "RETURN_NEEDS_GROUNDS", "a return to care needs grounds");
        apply(new ClientReturnedToCareEvent(clientId, housedInTenancy, command.setting(), command.returnedOn(),
                command.grounds()));
        if (trajectoryOpen) {
            apply(new TrajectoryClosedEvent(clientId, TrajectoryClosure.RETURNED_TO_CARE, command.returnedOn(),
                    command.grounds()));
        }
        deadlines.cancelAllWithinScope(REVIEW_DUE);
    }

    /** The dwelling of the outflow is left (moved, evicted, died): no longer housed, no more reviews due. */
    @CommandHandler
    void handle(RecordHousingEndedCommand command, DeadlineManager deadlines) {
        if (housedInTenancy == null || !housedInTenancy.equals(command.tenancyId())) {
            return; // not the dwelling the client lives in (or a repeat): nothing changes
        }
        require(command.reason() != null, "END_REASON_REQUIRED", "say why the client no longer lives there");
        apply(new ClientNoLongerHousedEvent(clientId, command.tenancyId(), command.reason(), command.endedOn()));
        deadlines.cancelAllWithinScope(REVIEW_DUE);
    }

    @EventSourcingHandler
    void on(ClientNoLongerHousedEvent event) {
        housedInTenancy = null;
    }

    @CommandHandler
    void handle(CloseTrajectoryCommand command) {
        require(trajectoryOpen, "NO_OPEN_TRAJECTORY", "the client has no open outflow trajectory");
        require(command.reason() != null, "REASON_REQUIRED", "say why the trajectory closes");
        apply(new TrajectoryClosedEvent(clientId, command.reason(), command.closedOn(), command.grounds()));
    }

    @EventSourcingHandler
    void on(ClientRegisteredEvent event, @MetaDataValue(MetadataKeys.ACTOR_ORGANISATION) String registeredBy) {
        this.registeredBy = registeredBy;
        clientId = event.clientId();
        setting = event.setting();
        region = event.region();
        municipality = event.municipality();
    }

    @EventSourcingHandler
    void on(ArrangementChecklistUpdatedEvent event) {
        debtsStabilised = event.checklist().debtsStabilised();
    }

    @EventSourcingHandler
    void on(OutflowTrajectoryStartedEvent event) {
        trajectoryOpen = true;
    }

    @EventSourcingHandler
    void on(TrajectoryClosedEvent event) {
        trajectoryOpen = false;
    }

    @EventSourcingHandler
    void on(OutflowRecordedEvent event) {
        housedInTenancy = event.tenancyId();
        movedInOn = event.movedInOn();
        reviewCadence = event.reviewCadence();
        reviewPeriod = event.reviewPeriod();
        reviewsHeld.clear();
        reviewsDue.clear();
    }

    @EventSourcingHandler
    void on(ClientReturnedToCareEvent event) {
        housedInTenancy = null;
        setting = event.setting();
    }

    @EventSourcingHandler
    void on(ConsentGivenEvent event) {
        consents.add(consentKey(event.receivingOrganisation(), event.purpose()));
    }

    @EventSourcingHandler
    void on(ConsentWithdrawnEvent event) {
        consents.remove(consentKey(event.receivingOrganisation(), event.purpose()));
    }

    private void requireClientsMunicipality(String actor) {
        require(actor != null && actor.equals(registeredBy), "CONSENT_BY_CLIENTS_MUNICIPALITY",
                "a consent is recorded by the municipality that registered the client");
    }

    private static String consentKey(String organisation, String purpose) {
        return organisation + "|" + purpose;
    }

    /** Deadline payload: which review falls due when. Only ids and dates: no personal data in the scheduler. */
    record ReviewDue(int reviewNumber, LocalDate dueOn) {
    }
}
