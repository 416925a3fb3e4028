package nl.weerthuis.command.tenancy;

import nl.weerthuis.command.agreement.AgreementPolicies;
import nl.weerthuis.command.client.ClientRegister;
import nl.weerthuis.command.client.ClientRegister.ClientStatus;
import nl.weerthuis.kernel.BusinessCalendar;
import nl.weerthuis.kernel.agreement.PolicyInForce;
import nl.weerthuis.kernel.tenancy.*;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.serialization.Revision;

import nl.weerthuis.kernel.privacy.DataSubject;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nl.weerthuis.command.rules.RuleViolation.require;
import static nl.weerthuis.command.rules.RuleViolation.requireText;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One dwelling for one client: from the offer through the lease, move-in (the outflow moment) and the flip to the
 * end of the tenancy. Signals live here because the flip must be refused, atomically, while a high-severity signal
 * is open: the flip and the signals share one consistency boundary.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@Revision("2") // signals became entities: older snapshots are skipped and the tenancy is rebuilt from its events
public class Tenancy {

    static final String FLIP_TERM_REACHED = "flipTermReached";
    static final String FLIP_TERM_EXPIRED = "flipTermExpired";

    private enum Stage { OFFERED, ACCEPTED, STARTED, ENDED }

    @AggregateIdentifier
    private String tenancyId;
    @DataSubject // the dwelling's address in a snapshot is sealed with this client's key
    private String clientId;
    private String landlord;
    private String careProvider;
    private String region;
    private LeaseForm leaseForm;
    private Dwelling dwelling;
    private Stage stage;
    private LocalDate startsOn;
    private LocalDate movedInOn;
    private LeaseHolder leaseHolder;
    private boolean flipTermReached;
    private LocalDate flipTermExpiredOn;
    // Snapshots taken before terms were ISO periods hold whole months under the old name.
    @com.fasterxml.jackson.annotation.JsonAlias("flipMinimumMonths")
    @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = nl.weerthuis.kernel.agreement.Term.Months.class)
    private java.time.Period flipMinimumTerm;
    private final Set<FlipParty> approvals = EnumSet.noneOf(FlipParty.class);
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Signal> signals = new HashMap<>();
    private final Set<String> overriddenSignals = new HashSet<>();

    protected Tenancy() {
    }

    @CommandHandler
    public Tenancy(OfferDwellingCommand command, ClientRegister clients, AgreementPolicies policies) {
        ClientStatus client = clients.find(command.clientId())
                .orElseThrow(() -> new nl.weerthuis.command.rules.RuleViolation("CLIENT_MUST_BE_REGISTERED",
                        "no registered client with this id"));
        require(client.trajectoryOpen(), "OFFER_NEEDS_OPEN_TRAJECTORY",
                "a dwelling is offered to a client with an open outflow trajectory");
        require(client.debtsStabilised(), "DEBTS_STABILISED_BEFORE_OFFER",
                "debts must be stabilised before a dwelling is requested (arrangement checklist)");
        require(client.housingRequestedFrom().contains(command.landlord()), "OFFER_NEEDS_HOUSING_REQUEST",
                "a corporation offers a dwelling when the coordination point asked it for one");
        // The offer names the care provider of the lease; naming one must not be a way to involve it.
        require(command.careProvider() != null && client.involvedOrganisations().contains(command.careProvider()),
                "OFFER_CARE_PROVIDER_INVOLVED",
                "the care provider of the lease is one already involved with the client (its facility, indication or procesregie)");
        require(command.leaseForm() != null, "LEASE_FORM_REQUIRED",
                "the lease form is CARE_PROVIDER_LEASE, TRIPARTITE or CLIENT_LEASE");
        PolicyInForce policy = policies.inForce(client.region(), command.offeredOn());
        apply(new DwellingOfferedEvent(command.tenancyId(), command.clientId(), command.landlord(),
                command.careProvider(), command.leaseForm(), command.dwelling(), client.region(), command.fromQuota(),
                command.offeredOn(), client.trajectoryStartedOn(), policy.agreementId(), policy.version(),
                policy.policy().offerDeadline()));
    }

    @CommandHandler
    void handle(AcceptOfferCommand command) {
        requireStage(Stage.OFFERED, "OFFER_NOT_OPEN", "only an open offer can be accepted");
        apply(new OfferAcceptedEvent(tenancyId, clientId, command.acceptedOn()));
    }

    @CommandHandler
    void handle(RefuseOfferCommand command) {
        requireStage(Stage.OFFERED, "OFFER_NOT_OPEN", "only an open offer can be refused");
        requireText(command.grounds(), "REFUSAL_NEEDS_GROUNDS",
                "an offer can in principle not be refused: a refusal needs grounds");
        apply(new OfferRefusedEvent(tenancyId, clientId, command.refusedOn(), command.grounds()));
    }

    @CommandHandler
    void handle(StartTenancyCommand command) {
        requireStage(Stage.ACCEPTED, "OFFER_NOT_ACCEPTED", "a tenancy starts on an accepted offer");
        apply(new TenancyStartedEvent(tenancyId, clientId, leaseForm, landlord, leaseForm.initialLeaseHolder(),
                careProvider, dwelling, region, command.startsOn()));
    }

    @CommandHandler
    void handle(RecordTenancyAgreementsCommand command) {
        requireStage(Stage.STARTED, "TENANCY_NOT_ACTIVE", "agreements are recorded on a running tenancy");
        requireText(command.agreements(), "AGREEMENTS_REQUIRED", "the agreements are required");
        apply(new TenancyAgreementsRecordedEvent(tenancyId, clientId, command.agreements(), command.recordedOn()));
    }

    @CommandHandler
    void handle(RecordMoveInCommand command, AgreementPolicies policies, DeadlineManager deadlines) {
        requireStage(Stage.STARTED, "TENANCY_NOT_ACTIVE", "the client moves in once the tenancy has started");
        require(movedInOn == null, "MOVE_IN_ONCE", "the client moved in already on " + movedInOn);
        require(!command.movedInOn().isBefore(startsOn), "MOVE_IN_AFTER_TENANCY_START",
                "the move-in cannot precede the start of the tenancy (" + startsOn + ")");
        PolicyInForce policy = policies.inForce(region, command.movedInOn());
        java.time.Period minimum = policy.policy().flipMinimumTerm();
        java.time.Period maximum = policy.policy().flipMaximumTerm();
        apply(new MovedInEvent(tenancyId, clientId, command.movedInOn(), leaseForm, landlord, careProvider, region,
                dwelling.municipality(), dwelling.neighbourhood(), policy.agreementId(), policy.version(), minimum,
                maximum));
        if (leaseForm.canFlip()) {
            LocalDate reached = command.movedInOn().plus(minimum);
            LocalDate expired = command.movedInOn().plus(maximum);
            deadlines.schedule(BusinessCalendar.startOf(reached), FLIP_TERM_REACHED, new FlipTerm(reached));
            deadlines.schedule(BusinessCalendar.startOf(expired), FLIP_TERM_EXPIRED, new FlipTerm(expired));
        }
    }

    @DeadlineHandler(deadlineName = FLIP_TERM_REACHED)
    void flipTermReached(FlipTerm term) {
        if (stage == Stage.STARTED && leaseHolder != LeaseHolder.CLIENT && !flipTermReached) {
            apply(new FlipTermReachedEvent(tenancyId, clientId, term.on()));
        }
    }

    /** Overdue deadlines fire in any order: the minimum term is recorded as reached before the maximum expires. */
    @DeadlineHandler(deadlineName = FLIP_TERM_EXPIRED)
    void flipTermExpired(FlipTerm term) {
        // Deadlines fire at least once: an instance that dies after recording the expiry but before marking the
        // deadline done leaves it to fire again, and then it finds the expiry on record.
        if (stage == Stage.STARTED && leaseHolder != LeaseHolder.CLIENT && flipTermExpiredOn == null) {
            if (!flipTermReached) {
                apply(new FlipTermReachedEvent(tenancyId, clientId, movedInOn.plus(flipMinimumTerm)));
            }
            apply(new FlipTermExpiredEvent(tenancyId, clientId, term.on()));
        }
    }

    @CommandHandler
    void handle(ScheduleFlipCommand command, AgreementPolicies policies) {
        requireFlippable();
        PolicyInForce policy = policies.inForce(region, command.plannedOn());
        refuseIf(FlipEligibility.withinTerm(movedInOn, command.plannedOn(), policy));
        apply(new FlipScheduledEvent(tenancyId, clientId, command.plannedOn(), policy.agreementId(), policy.version()));
    }

    @CommandHandler
    void handle(ApproveFlipCommand command) {
        requireFlippable();
        require(command.party() != null, "FLIP_PARTY_REQUIRED", "say which party approves");
        require(!approvals.contains(command.party()), "FLIP_APPROVED_ONCE_PER_PARTY",
                command.party() + " approved the flip already");
        apply(new FlipApprovedEvent(tenancyId, clientId, command.party(), command.approvedOn()));
    }

    @CommandHandler
    void handle(OverrideSignalBlockCommand command) {
        requireActive();
        requireText(command.grounds(), "OVERRIDE_NEEDS_WRITTEN_GROUNDS", "overriding open signals needs written grounds");
        List<String> blocking = blockingSignals();
        require(!blocking.isEmpty(), "NO_BLOCKING_SIGNAL", "no open high-severity signal blocks the flip");
        apply(new SignalBlockOverriddenEvent(tenancyId, clientId, blocking, command.decidedOn(), command.grounds()));
    }

    @CommandHandler
    void handle(FlipContractCommand command, AgreementPolicies policies, DeadlineManager deadlines) {
        requireFlippable();
        refuseIf(FlipEligibility.approvedByAll(approvals));
        PolicyInForce policy = policies.inForce(region, command.flippedOn());
        refuseIf(FlipEligibility.withinTerm(movedInOn, command.flippedOn(), policy));
        // In the same aggregate as the signals: a serious signal raised concurrently cannot slip past this check.
        refuseIf(FlipEligibility.noBlockingSignal(blockingSignals()));
        if (flipTermExpiredOn != null) { // a flip inside the term, entered after the expiry had been recorded
            apply(new FlipTermExpiryWithdrawnEvent(tenancyId, clientId, flipTermExpiredOn, command.flippedOn()));
        }
        apply(new ContractFlippedEvent(tenancyId, clientId, command.flippedOn(), leaseHolder, LeaseHolder.CLIENT, true,
                landlord, careProvider, region, policy.agreementId(), policy.version(), command.grounds()));
        deadlines.cancelAllWithinScope(FLIP_TERM_REACHED);
        deadlines.cancelAllWithinScope(FLIP_TERM_EXPIRED);
    }

    @CommandHandler
    void handle(RaiseSignalCommand command) {
        requireActive();
        require(command.signalId() != null && !signals.containsKey(command.signalId()), "SIGNAL_RAISED_ONCE",
                "a signal with this id was raised already");
        require(command.kind() != null && command.severity() != null, "SIGNAL_KIND_AND_SEVERITY_REQUIRED",
                "a signal has a kind and a severity");
        requireText(command.description(), "SIGNAL_NEEDS_DESCRIPTION", "a signal describes the concern");
        apply(new SignalRaisedEvent(tenancyId, clientId, command.signalId(), command.kind(),
                command.sourceOrganisation(), command.sourceType(), command.severity(), command.description(),
                command.raisedOn()));
    }

    /** A signal's steps are the signal's own ({@link Signal}); the tenancy first checks it runs and has the signal. */
    @CommandHandlerInterceptor
    Object signalStep(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        String signalId = signalOf(command.getPayload());
        if (signalId != null) {
            requireActive();
            require(signals.containsKey(signalId), "UNKNOWN_SIGNAL", "this tenancy has no signal " + signalId);
        }
        return chain.proceed();
    }

    private static String signalOf(Object command) {
        if (command instanceof AcknowledgeSignalCommand c) return c.signalId();
        if (command instanceof RecordSignalDiscussedCommand c) return c.signalId();
        if (command instanceof EscalateSignalCommand c) return c.signalId();
        if (command instanceof ResolveSignalCommand c) return c.signalId();
        return null;
    }

    @CommandHandler
    void handle(EndTenancyCommand command, DeadlineManager deadlines) {
        require(stage != Stage.ENDED, "TENANCY_ENDED", "this tenancy has ended and accepts nothing further");
        require(command.reason() != null, "END_REASON_REQUIRED",
                "a tenancy ends because the client MOVED, by EVICTION, RETURNED_TO_CARE or DECEASED");
        apply(new TenancyEndedEvent(tenancyId, clientId, command.reason(), command.endedOn(), landlord, careProvider,
                region, command.grounds()));
        deadlines.cancelAllWithinScope(FLIP_TERM_REACHED);
        deadlines.cancelAllWithinScope(FLIP_TERM_EXPIRED);
    }

    private void requireStage(Stage expected, String rule, String message) {
        require(stage != Stage.ENDED, "TENANCY_ENDED", "this tenancy has ended and accepts nothing further");
        require(stage == expected, rule, message);
    }

    private void requireActive() {
        requireStage(Stage.STARTED, "TENANCY_NOT_ACTIVE", "the tenancy has not started yet");
    }

    private void requireFlippable() {
        requireActive();
        refuseIf(FlipEligibility.canFlip(leaseForm, leaseHolder, movedInOn));
    }

    private static void refuseIf(java.util.Optional<FlipEligibility.Refusal> refusal) {
        refusal.ifPresent(r -> require(false, r.rule(), r.reason()));
    }

    private List<String> blockingSignals() {
        return signals.entrySet().stream()
                .filter(signal -> signal.getValue().blocksFlip() && !overriddenSignals.contains(signal.getKey()))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @EventSourcingHandler
    void on(DwellingOfferedEvent event) {
        tenancyId = event.tenancyId();
        clientId = event.clientId();
        landlord = event.landlord();
        careProvider = event.careProvider();
        leaseForm = event.leaseForm();
        dwelling = event.dwelling();
        region = event.region();
        stage = Stage.OFFERED;
    }

    @EventSourcingHandler
    void on(OfferAcceptedEvent event) {
        stage = Stage.ACCEPTED;
    }

    @EventSourcingHandler
    void on(OfferRefusedEvent event) {
        stage = Stage.ENDED;
    }

    @EventSourcingHandler
    void on(TenancyStartedEvent event) {
        stage = Stage.STARTED;
        startsOn = event.startsOn();
        leaseHolder = event.leaseHolder();
    }

    @EventSourcingHandler
    void on(MovedInEvent event) {
        movedInOn = event.movedInOn();
        flipMinimumTerm = event.flipMinimumTerm();
    }

    @EventSourcingHandler
    void on(FlipTermReachedEvent event) {
        flipTermReached = true;
    }

    @EventSourcingHandler
    void on(FlipTermExpiredEvent event) {
        flipTermExpiredOn = event.expiredOn();
    }

    @EventSourcingHandler
    void on(FlipTermExpiryWithdrawnEvent event) {
        flipTermExpiredOn = null;
    }

    @EventSourcingHandler
    void on(FlipApprovedEvent event) {
        approvals.add(event.party());
    }

    @EventSourcingHandler
    void on(ContractFlippedEvent event) {
        leaseHolder = event.leaseHolder();
    }

    @EventSourcingHandler
    void on(SignalRaisedEvent event) {
        signals.put(event.signalId(), new Signal(tenancyId, clientId, event.signalId(), event.kind(), event.severity(),
                event.raisedOn()));
    }

    @EventSourcingHandler
    void on(SignalBlockOverriddenEvent event) {
        overriddenSignals.addAll(event.signalIds());
    }

    @EventSourcingHandler
    void on(TenancyEndedEvent event) {
        stage = Stage.ENDED;
    }

    /** Deadline payload: the date a flip term falls due. */
    record FlipTerm(LocalDate on) {
    }
}
