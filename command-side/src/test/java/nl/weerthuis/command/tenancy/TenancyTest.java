package nl.weerthuis.command.tenancy;

import nl.weerthuis.command.client.ClientRegister;
import java.time.Period;
import nl.weerthuis.command.client.ClientRegister.ClientStatus;
import nl.weerthuis.command.support.FixedPolicies;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.weerthuis.kernel.BusinessCalendar.startOf;
import static nl.weerthuis.command.support.Rules.violated;

class TenancyTest {

    static final String TENANCY = "tenancy-1";
    static final String CLIENT = "client-1";
    static final String CORPORATION = "12345678";
    static final String PROVIDER = "87654321";
    static final String MUNICIPALITY = "00000001001234567000";
    static final Dwelling DWELLING = new Dwelling("Hoofdstraat 1", "Almelo", "Centrum");
    /** Flip no earlier than 12 and no later than 24 months after move-in. */
    static final AgreementPolicy POLICY = new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(12), Period.ofMonths(24), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6));
    static final LocalDate OFFERED = LocalDate.of(2025, 4, 1);
    static final LocalDate STARTS = LocalDate.of(2025, 5, 1);
    static final LocalDate MOVED_IN = LocalDate.of(2025, 5, 15);

    private final Map<String, ClientStatus> clients = new HashMap<>();
    private AggregateTestFixture<Tenancy> fixture;

    @BeforeEach
    void setUp() {
        clients.put(CLIENT, new ClientStatus(CLIENT, CareSetting.PROTECTED_HOUSING, "Twente", "Almelo", true,
                LocalDate.of(2025, 1, 10), true, MUNICIPALITY, Set.of(CORPORATION), Set.of(PROVIDER)));
        fixture = new AggregateTestFixture<>(Tenancy.class);
        fixture.registerInjectableResource((ClientRegister) id -> Optional.ofNullable(clients.get(id)));
        fixture.registerInjectableResource(FixedPolicies.of(POLICY));
    }

    static DwellingOfferedEvent offered(LeaseForm form) {
        return new DwellingOfferedEvent(TENANCY, CLIENT, CORPORATION, PROVIDER, form, DWELLING, "Twente", true, OFFERED,
                LocalDate.of(2025, 1, 10), "agreement-twente", 1, Period.ofMonths(6));
    }

    static Object[] movedIn(LeaseForm form) {
        return new Object[]{offered(form), new OfferAcceptedEvent(TENANCY, CLIENT, OFFERED.plusDays(3)),
                new TenancyStartedEvent(TENANCY, CLIENT, form, CORPORATION, form.initialLeaseHolder(), PROVIDER, DWELLING,
                        "Twente", STARTS),
                new MovedInEvent(TENANCY, CLIENT, MOVED_IN, form, CORPORATION, PROVIDER, "Twente", "Almelo", "Centrum",
                        "agreement-twente", 1, Period.ofMonths(12), Period.ofMonths(24))};
    }

    static Object[] approvedByAll(LeaseForm form) {
        return concat(movedIn(form), new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.HOUSING_CORPORATION, MOVED_IN.plusMonths(11)),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CARE_PROVIDER, MOVED_IN.plusMonths(11)),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CLIENT, MOVED_IN.plusMonths(11)));
    }

    static Object[] concat(Object[] first, Object... more) {
        Object[] all = new Object[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    static SignalRaisedEvent raised(String signalId, Severity severity) {
        return new SignalRaisedEvent(TENANCY, CLIENT, signalId, SignalKind.NUISANCE, CORPORATION,
                OrganisationType.HOUSING_CORPORATION, severity, "noise at night", MOVED_IN.plusMonths(2));
    }

    // Rule 2: offers

    @Test
    void a_dwelling_is_offered_to_a_client_with_an_open_trajectory_under_the_agreement_in_force() {
        fixture.givenNoPriorActivity()
                .when(new OfferDwellingCommand(TENANCY, CLIENT, CORPORATION, PROVIDER, LeaseForm.TRIPARTITE, DWELLING, true, OFFERED))
                .expectEvents(offered(LeaseForm.TRIPARTITE));
    }

    @Test
    void no_offer_without_an_open_trajectory() {
        clients.put(CLIENT, new ClientStatus(CLIENT, CareSetting.SHELTER, "Twente", "Almelo", false, null, true, MUNICIPALITY, Set.of(CORPORATION), Set.of(PROVIDER)));
        fixture.givenNoPriorActivity()
                .when(new OfferDwellingCommand(TENANCY, CLIENT, CORPORATION, PROVIDER, LeaseForm.TRIPARTITE, DWELLING, true, OFFERED))
                .expectException(violated("OFFER_NEEDS_OPEN_TRAJECTORY"));
    }

    @Test
    void no_offer_to_an_unknown_client() {
        fixture.givenNoPriorActivity()
                .when(new OfferDwellingCommand(TENANCY, "nobody", CORPORATION, PROVIDER, LeaseForm.TRIPARTITE, DWELLING, true, OFFERED))
                .expectException(violated("CLIENT_MUST_BE_REGISTERED"));
    }

    @Test
    void no_offer_before_debts_are_stabilised() {
        clients.put(CLIENT, new ClientStatus(CLIENT, CareSetting.SHELTER, "Twente", "Almelo", true, LocalDate.of(2025, 1, 10), false, MUNICIPALITY,
                Set.of(CORPORATION), Set.of(PROVIDER)));
        fixture.givenNoPriorActivity()
                .when(new OfferDwellingCommand(TENANCY, CLIENT, CORPORATION, PROVIDER, LeaseForm.TRIPARTITE, DWELLING, true, OFFERED))
                .expectException(violated("DEBTS_STABILISED_BEFORE_OFFER"));
    }

    @Test
    void a_corporation_offers_only_when_the_coordination_point_asked_it_for_a_dwelling() {
        clients.put(CLIENT, new ClientStatus(CLIENT, CareSetting.SHELTER, "Twente", "Almelo", true, LocalDate.of(2025, 1, 10),
                true, MUNICIPALITY, Set.of("11112222"), Set.of(PROVIDER)));
        fixture.givenNoPriorActivity()
                .when(new OfferDwellingCommand(TENANCY, CLIENT, CORPORATION, PROVIDER, LeaseForm.TRIPARTITE, DWELLING, true, OFFERED))
                .expectException(violated("OFFER_NEEDS_HOUSING_REQUEST"))
                .expectNoEvents();
    }

    @Test
    void the_lease_names_a_care_provider_already_involved_with_the_client() {
        fixture.givenNoPriorActivity()
                .when(new OfferDwellingCommand(TENANCY, CLIENT, CORPORATION, "99990000", LeaseForm.TRIPARTITE, DWELLING, true, OFFERED))
                .expectException(violated("OFFER_CARE_PROVIDER_INVOLVED"))
                .expectNoEvents();
    }

    @Test
    void a_refusal_needs_grounds() {
        fixture.given(offered(LeaseForm.TRIPARTITE))
                .when(new RefuseOfferCommand(TENANCY, OFFERED.plusDays(2), ""))
                .expectException(violated("REFUSAL_NEEDS_GROUNDS"));
        fixture.given(offered(LeaseForm.TRIPARTITE))
                .when(new RefuseOfferCommand(TENANCY, OFFERED.plusDays(2), "wheelchair access missing"))
                .expectEvents(new OfferRefusedEvent(TENANCY, CLIENT, OFFERED.plusDays(2), "wheelchair access missing"));
    }

    @Test
    void a_tenancy_starts_on_an_accepted_offer_with_the_lease_holder_of_its_form() {
        fixture.given(offered(LeaseForm.CARE_PROVIDER_LEASE))
                .when(new StartTenancyCommand(TENANCY, STARTS))
                .expectException(violated("OFFER_NOT_ACCEPTED"));
        fixture.given(offered(LeaseForm.CLIENT_LEASE), new OfferAcceptedEvent(TENANCY, CLIENT, OFFERED))
                .when(new StartTenancyCommand(TENANCY, STARTS))
                .expectEvents(new TenancyStartedEvent(TENANCY, CLIENT, LeaseForm.CLIENT_LEASE, CORPORATION,
                        LeaseHolder.CLIENT, PROVIDER, DWELLING, "Twente", STARTS));
        fixture.given(offered(LeaseForm.TRIPARTITE), new OfferAcceptedEvent(TENANCY, CLIENT, OFFERED))
                .when(new StartTenancyCommand(TENANCY, STARTS))
                .expectEvents(new TenancyStartedEvent(TENANCY, CLIENT, LeaseForm.TRIPARTITE, CORPORATION,
                        LeaseHolder.CARE_PROVIDER, PROVIDER, DWELLING, "Twente", STARTS));
    }

    // Rule 3: move-in

    @Test
    void the_move_in_is_the_outflow_moment_and_schedules_the_flip_terms() {
        Object[] started = List.of(movedIn(LeaseForm.TRIPARTITE)).subList(0, 3).toArray();
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(started)
                .when(new RecordMoveInCommand(TENANCY, MOVED_IN))
                .expectEvents(movedIn(LeaseForm.TRIPARTITE)[3])
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(MOVED_IN.plusMonths(12))), Tenancy.FLIP_TERM_REACHED)
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(MOVED_IN.plusMonths(24))), Tenancy.FLIP_TERM_EXPIRED);
    }

    @Test
    void a_client_lease_has_no_flip_term() {
        Object[] started = List.of(movedIn(LeaseForm.CLIENT_LEASE)).subList(0, 3).toArray();
        fixture.given(started)
                .when(new RecordMoveInCommand(TENANCY, MOVED_IN))
                .expectNoScheduledDeadlines();
    }

    @Test
    void the_client_moves_in_once() {
        fixture.given(movedIn(LeaseForm.TRIPARTITE))
                .when(new RecordMoveInCommand(TENANCY, MOVED_IN.plusDays(1)))
                .expectException(violated("MOVE_IN_ONCE"));
    }

    @Test
    void the_move_in_does_not_precede_the_tenancy() {
        Object[] started = List.of(movedIn(LeaseForm.TRIPARTITE)).subList(0, 3).toArray();
        fixture.given(started)
                .when(new RecordMoveInCommand(TENANCY, STARTS.minusDays(1)))
                .expectException(violated("MOVE_IN_AFTER_TENANCY_START"));
    }

    @Test
    void the_flip_term_falls_due_as_an_event() {
        Object[] started = List.of(movedIn(LeaseForm.TRIPARTITE)).subList(0, 3).toArray();
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(started)
                .andGivenCommands(new RecordMoveInCommand(TENANCY, MOVED_IN))
                .whenThenTimeAdvancesTo(startOf(MOVED_IN.plusMonths(12)))
                .expectEvents(new FlipTermReachedEvent(TENANCY, CLIENT, MOVED_IN.plusMonths(12)));
    }

    @Test
    void when_the_maximum_term_passes_without_a_flip_both_terms_are_on_record_in_order() {
        Object[] started = List.of(movedIn(LeaseForm.TRIPARTITE)).subList(0, 3).toArray();
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(started)
                .andGivenCommands(new RecordMoveInCommand(TENANCY, MOVED_IN))
                .whenThenTimeAdvancesTo(startOf(MOVED_IN.plusMonths(24)))
                .expectEvents(new FlipTermReachedEvent(TENANCY, CLIENT, MOVED_IN.plusMonths(12)),
                        new FlipTermExpiredEvent(TENANCY, CLIENT, MOVED_IN.plusMonths(24)));
    }

    @Test
    void a_flip_term_deadline_that_fires_again_finds_its_event_on_record_and_records_nothing() {
        // As after a crash between recording the terms and marking their deadlines done: they fire a second time.
        Object[] started = List.of(movedIn(LeaseForm.TRIPARTITE)).subList(0, 3).toArray();
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(started)
                .andGivenCommands(new RecordMoveInCommand(TENANCY, MOVED_IN))
                .andGiven(new FlipTermReachedEvent(TENANCY, CLIENT, MOVED_IN.plusMonths(12)),
                        new FlipTermExpiredEvent(TENANCY, CLIENT, MOVED_IN.plusMonths(24)))
                .whenThenTimeAdvancesTo(startOf(MOVED_IN.plusMonths(24)))
                .expectNoEvents();
    }

    // Rules 4 and 5: the flip

    @Test
    void the_flip_puts_an_indefinite_lease_in_the_clients_name() {
        LocalDate flipped = MOVED_IN.plusMonths(13);
        fixture.given(approvedByAll(LeaseForm.TRIPARTITE))
                .when(new FlipContractCommand(TENANCY, flipped, "rent paid, support accepted, no nuisance"))
                .expectEvents(new ContractFlippedEvent(TENANCY, CLIENT, flipped, LeaseHolder.CARE_PROVIDER,
                        LeaseHolder.CLIENT, true, CORPORATION, PROVIDER, "Twente", "agreement-twente", 1,
                        "rent paid, support accepted, no nuisance"));
    }

    @Test
    void a_client_lease_cannot_flip() {
        fixture.given(movedIn(LeaseForm.CLIENT_LEASE))
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(13), null))
                .expectException(violated("CLIENT_LEASE_CANNOT_FLIP"));
    }

    @Test
    void the_flip_comes_after_move_in() {
        Object[] started = List.of(movedIn(LeaseForm.CARE_PROVIDER_LEASE)).subList(0, 3).toArray();
        fixture.given(started)
                .when(new ApproveFlipCommand(TENANCY, FlipParty.CLIENT, MOVED_IN))
                .expectException(violated("FLIP_AFTER_MOVE_IN"));
    }

    @Test
    void the_flip_needs_the_approval_of_all_three_parties() {
        Object[] twoApprovals = concat(movedIn(LeaseForm.TRIPARTITE),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.HOUSING_CORPORATION, MOVED_IN.plusMonths(11)),
                new FlipApprovedEvent(TENANCY, CLIENT, FlipParty.CARE_PROVIDER, MOVED_IN.plusMonths(11)));
        fixture.given(twoApprovals)
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(13), null))
                .expectException(violated("FLIP_NEEDS_THREE_APPROVALS"));
    }

    @Test
    void each_party_approves_once() {
        fixture.given(approvedByAll(LeaseForm.TRIPARTITE))
                .when(new ApproveFlipCommand(TENANCY, FlipParty.CLIENT, MOVED_IN.plusMonths(12)))
                .expectException(violated("FLIP_APPROVED_ONCE_PER_PARTY"));
    }

    @Test
    void the_flip_respects_the_minimum_term_of_the_agreement_version_in_force() {
        fixture.given(approvedByAll(LeaseForm.TRIPARTITE))
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(11), null))
                .expectException(violated("FLIP_MINIMUM_TERM"));
    }

    @Test
    void the_flip_respects_the_maximum_term_of_the_agreement_version_in_force() {
        fixture.given(approvedByAll(LeaseForm.TRIPARTITE))
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(25), null))
                .expectException(violated("FLIP_MAXIMUM_TERM"));
    }

    @Test
    void an_amended_agreement_governs_flips_decided_after_it_took_effect() {
        // Version 2 (from 2026-01-01) lets the flip come after 6 months already.
        fixture = new AggregateTestFixture<>(Tenancy.class);
        fixture.registerInjectableResource((ClientRegister) id -> Optional.ofNullable(clients.get(id)));
        fixture.registerInjectableResource(FixedPolicies.of(POLICY)
                .withVersion(2, LocalDate.of(2026, 1, 1), new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(6), Period.ofMonths(24), Period.ofMonths(6), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6))));
        LocalDate flipped = MOVED_IN.plusMonths(9);
        fixture.given(approvedByAll(LeaseForm.TRIPARTITE))
                .when(new FlipContractCommand(TENANCY, flipped, null))
                .expectEvents(new ContractFlippedEvent(TENANCY, CLIENT, flipped, LeaseHolder.CARE_PROVIDER,
                        LeaseHolder.CLIENT, true, CORPORATION, PROVIDER, "Twente", "agreement-twente", 2, null));
    }

    @Test
    void an_open_high_severity_signal_blocks_the_flip() {
        fixture.given(concat(approvedByAll(LeaseForm.TRIPARTITE), raised("s1", Severity.HIGH)))
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(13), null))
                .expectException(violated("OPEN_HIGH_SEVERITY_SIGNAL_BLOCKS_FLIP"));
    }

    @Test
    void a_lower_severity_signal_does_not_block_the_flip() {
        fixture.given(concat(approvedByAll(LeaseForm.TRIPARTITE), raised("s1", Severity.MEDIUM)))
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(13), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_caseworker_override_with_written_grounds_is_an_event_and_lifts_the_block() {
        fixture.given(concat(approvedByAll(LeaseForm.TRIPARTITE), raised("s1", Severity.HIGH)))
                .when(new OverrideSignalBlockCommand(TENANCY, MOVED_IN.plusMonths(13), "arrears paid off, plan agreed"))
                .expectEvents(new SignalBlockOverriddenEvent(TENANCY, CLIENT, List.of("s1"), MOVED_IN.plusMonths(13),
                        "arrears paid off, plan agreed"));
        fixture.given(concat(approvedByAll(LeaseForm.TRIPARTITE), raised("s1", Severity.HIGH),
                        new SignalBlockOverriddenEvent(TENANCY, CLIENT, List.of("s1"), MOVED_IN.plusMonths(13), "plan agreed")))
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(13), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_override_needs_written_grounds() {
        fixture.given(concat(approvedByAll(LeaseForm.TRIPARTITE), raised("s1", Severity.HIGH)))
                .when(new OverrideSignalBlockCommand(TENANCY, MOVED_IN.plusMonths(13), " "))
                .expectException(violated("OVERRIDE_NEEDS_WRITTEN_GROUNDS"));
    }

    @Test
    void a_signal_raised_after_the_override_blocks_again() {
        fixture.given(concat(approvedByAll(LeaseForm.TRIPARTITE), raised("s1", Severity.HIGH),
                        new SignalBlockOverriddenEvent(TENANCY, CLIENT, List.of("s1"), MOVED_IN.plusMonths(12), "plan"),
                        raised("s2", Severity.HIGH)))
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(13), null))
                .expectException(violated("OPEN_HIGH_SEVERITY_SIGNAL_BLOCKS_FLIP"));
    }

    @Test
    void a_lease_flips_once() {
        fixture.given(concat(approvedByAll(LeaseForm.TRIPARTITE), new ContractFlippedEvent(TENANCY, CLIENT,
                        MOVED_IN.plusMonths(13), LeaseHolder.CARE_PROVIDER, LeaseHolder.CLIENT, true, CORPORATION, PROVIDER,
                        "Twente", "agreement-twente", 1, null)))
                .when(new FlipContractCommand(TENANCY, MOVED_IN.plusMonths(14), null))
                .expectException(violated("FLIPPED_ONCE"));
    }

    @Test
    void an_ended_tenancy_accepts_nothing() {
        Object[] ended = concat(movedIn(LeaseForm.TRIPARTITE), new TenancyEndedEvent(TENANCY, CLIENT,
                TenancyEndReason.EVICTION, MOVED_IN.plusMonths(5), CORPORATION, PROVIDER, "Twente", "arrears"));
        fixture.given(ended).when(new RaiseSignalCommand(TENANCY, "s9", SignalKind.DEBTS, CORPORATION,
                        OrganisationType.HOUSING_CORPORATION, Severity.LOW, "x", MOVED_IN.plusMonths(6)))
                .expectException(violated("TENANCY_ENDED"));
        fixture.given(ended).when(new ApproveFlipCommand(TENANCY, FlipParty.CLIENT, MOVED_IN.plusMonths(6)))
                .expectException(violated("TENANCY_ENDED"));
        fixture.given(ended).when(new EndTenancyCommand(TENANCY, TenancyEndReason.MOVED, MOVED_IN.plusMonths(6), null))
                .expectException(violated("TENANCY_ENDED"));
        fixture.given(offered(LeaseForm.TRIPARTITE), new OfferRefusedEvent(TENANCY, CLIENT, OFFERED, "too far"))
                .when(new AcceptOfferCommand(TENANCY, OFFERED.plusDays(1)))
                .expectException(violated("TENANCY_ENDED"));
    }

    // Rule 6: signals, each step once and in order

    @Test
    void a_signal_goes_raised_acknowledged_discussed_escalated_resolved() {
        LocalDate on = MOVED_IN.plusMonths(3);
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.HIGH),
                        new SignalAcknowledgedEvent(TENANCY, CLIENT, "s1", on),
                        new SignalDiscussedWithClientEvent(TENANCY, CLIENT, "s1", on, "talked"),
                        new SignalEscalatedEvent(TENANCY, CLIENT, "s1", EscalationTarget.THREE_PARTY_MEETING, on, "repeat")))
                .when(new ResolveSignalCommand(TENANCY, "s1", on.plusDays(5), "payment plan"))
                .expectEvents(new SignalResolvedEvent(TENANCY, CLIENT, "s1", SignalKind.NUISANCE, Severity.HIGH,
                        MOVED_IN.plusMonths(2), on.plusDays(5), "payment plan"));
    }

    @Test
    void a_signal_is_raised_with_kind_source_severity_and_description() {
        fixture.given(movedIn(LeaseForm.TRIPARTITE))
                .when(new RaiseSignalCommand(TENANCY, "s1", SignalKind.NUISANCE, CORPORATION,
                        OrganisationType.HOUSING_CORPORATION, Severity.HIGH, "noise at night", MOVED_IN.plusMonths(2)))
                .expectEvents(raised("s1", Severity.HIGH));
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.HIGH)))
                .when(new RaiseSignalCommand(TENANCY, "s1", SignalKind.NUISANCE, CORPORATION,
                        OrganisationType.HOUSING_CORPORATION, Severity.HIGH, "again", MOVED_IN.plusMonths(2)))
                .expectException(violated("SIGNAL_RAISED_ONCE"));
    }

    @Test
    void a_signal_is_not_discussed_before_it_is_acknowledged() {
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.LOW)))
                .when(new RecordSignalDiscussedCommand(TENANCY, "s1", MOVED_IN.plusMonths(3), "talked"))
                .expectException(violated("SIGNAL_STEPS_IN_ORDER"));
    }

    @Test
    void a_signal_is_not_resolved_before_it_is_discussed_with_the_client() {
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.LOW),
                        new SignalAcknowledgedEvent(TENANCY, CLIENT, "s1", MOVED_IN.plusMonths(3))))
                .when(new ResolveSignalCommand(TENANCY, "s1", MOVED_IN.plusMonths(3), "fine"))
                .expectException(violated("SIGNAL_STEPS_IN_ORDER"));
    }

    @Test
    void a_signal_is_acknowledged_and_escalated_once() {
        LocalDate on = MOVED_IN.plusMonths(3);
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.LOW),
                        new SignalAcknowledgedEvent(TENANCY, CLIENT, "s1", on)))
                .when(new AcknowledgeSignalCommand(TENANCY, "s1", on))
                .expectException(violated("SIGNAL_STEPS_IN_ORDER"));
        fixture.given(concat(movedIn(LeaseForm.TRIPARTITE), raised("s1", Severity.LOW),
                        new SignalAcknowledgedEvent(TENANCY, CLIENT, "s1", on),
                        new SignalDiscussedWithClientEvent(TENANCY, CLIENT, "s1", on, "talked"),
                        new SignalEscalatedEvent(TENANCY, CLIENT, "s1", EscalationTarget.THREE_PARTY_MEETING, on, "x")))
                .when(new EscalateSignalCommand(TENANCY, "s1", EscalationTarget.ZORG_EN_VEILIGHEIDSHUIS, on, "worse"))
                .expectException(violated("SIGNAL_STEPS_IN_ORDER"));
    }

    @Test
    void an_unknown_signal_cannot_be_acknowledged() {
        fixture.given(movedIn(LeaseForm.TRIPARTITE))
                .when(new AcknowledgeSignalCommand(TENANCY, "nope", MOVED_IN))
                .expectException(violated("UNKNOWN_SIGNAL"));
    }
}
