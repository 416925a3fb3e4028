package nl.weerthuis.command.client;

import nl.weerthuis.command.support.FixedPolicies;
import java.time.Period;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.client.*;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import static nl.weerthuis.command.support.Rules.violated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.weerthuis.kernel.identity.MetadataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import static nl.weerthuis.kernel.identity.OrganisationType.NEIGHBOURHOOD_TEAM;
import nl.weerthuis.kernel.identity.OrganisationType;

import static nl.weerthuis.kernel.BusinessCalendar.startOf;

class ClientTest {

    static final String CLIENT = "client-1";
    static final LocalDate REGISTERED = LocalDate.of(2025, 1, 6);
    static final ClientRegisteredEvent REGISTERED_IN_SHELTER = new ClientRegisteredEvent(CLIENT, CareSetting.SHELTER,
            "Nachtopvang De Brug", "Twente", "Almelo", "87654321", REGISTERED, null);
    static final OutflowTrajectoryStartedEvent TRAJECTORY_STARTED = new OutflowTrajectoryStartedEvent(CLIENT,
            CareSetting.SHELTER, "Twente", "Almelo", LocalDate.of(2025, 2, 1));
    static final LocalDate MOVED_IN = LocalDate.of(2025, 9, 1);
    static final OutflowRecordedEvent OUTFLOW = new OutflowRecordedEvent(CLIENT, "tenancy-1", MOVED_IN,
            "agreement-twente", 1, Period.ofMonths(6), Period.ofMonths(24));

    static final String MUNICIPALITY = "00000001001234567000", OTHER_MUNICIPALITY = "00000001009999999000",
            TEAM = "00000001005555555000", CORPORATION = "12345678";

    private AggregateTestFixture<Client> fixture;
    /** The corporations whose housing request stands, as the command side's lookup tells the aggregate. */
    private final java.util.Set<String> standing = new java.util.HashSet<>();

    /** The registration as the command side stores it: with the registering municipality as its actor. */
    static EventMessage<?> registeredBy(String municipality) {
        return GenericEventMessage.asEventMessage(REGISTERED_IN_SHELTER).andMetaData(actor(municipality));
    }

    static Map<String, Object> actor(String organisation) {
        return Map.of(MetadataKeys.ACTOR_ORGANISATION, organisation);
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource((ClientRegister) id -> Optional.of(new ClientRegister.ClientStatus(id,
                CareSetting.SHELTER, "Twente", "Almelo", true, null, true, MUNICIPALITY, standing, Set.of())));
        fixture.registerInjectableResource(FixedPolicies.of(AgreementPolicy.NATIONAL_DEFAULT));
    }


    @Test
    void registering_a_client_records_setting_facility_region_and_care_provider() {
        fixture.givenNoPriorActivity()
                .when(new RegisterClientCommand(CLIENT, CareSetting.SHELTER, "Nachtopvang De Brug", "Twente",
                        "Almelo", "87654321", REGISTERED, null))
                .expectEvents(REGISTERED_IN_SHELTER);
    }

    @Test
    void a_trajectory_starts_for_a_registered_client_in_bw_or_mo() {
        fixture.given(REGISTERED_IN_SHELTER)
                .when(new StartOutflowTrajectoryCommand(CLIENT, LocalDate.of(2025, 2, 1)))
                .expectEvents(TRAJECTORY_STARTED);
    }

    @Test
    void a_trajectory_does_not_start_for_an_unregistered_client() {
        fixture.givenNoPriorActivity()
                .when(new StartOutflowTrajectoryCommand(CLIENT, LocalDate.of(2025, 2, 1)))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void a_trajectory_does_not_start_while_one_is_open() {
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED)
                .when(new StartOutflowTrajectoryCommand(CLIENT, LocalDate.of(2025, 3, 1)))
                .expectException(violated("TRAJECTORY_ALREADY_OPEN"))
                .expectNoEvents();
    }

    @Test
    void a_trajectory_does_not_start_for_a_client_living_independently() {
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW,
                        new TrajectoryClosedEvent(CLIENT, TrajectoryClosure.COMPLETED, LocalDate.of(2026, 1, 1), null))
                .when(new StartOutflowTrajectoryCommand(CLIENT, LocalDate.of(2026, 2, 1)))
                .expectException(violated("CLIENT_NOT_IN_CARE"));
    }

    @Test
    void a_new_trajectory_may_start_after_a_return_to_care() {
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW,
                        new ClientReturnedToCareEvent(CLIENT, "tenancy-1", CareSetting.PROTECTED_HOUSING, LocalDate.of(2026, 1, 1), "terugval"),
                        new TrajectoryClosedEvent(CLIENT, TrajectoryClosure.RETURNED_TO_CARE, LocalDate.of(2026, 1, 1), "terugval"))
                .when(new StartOutflowTrajectoryCommand(CLIENT, LocalDate.of(2026, 6, 1)))
                .expectEvents(new OutflowTrajectoryStartedEvent(CLIENT, CareSetting.PROTECTED_HOUSING, "Twente", "Almelo",
                        LocalDate.of(2026, 6, 1)));
    }

    @Test
    void outflow_schedules_reviews_at_the_agreement_cadence_after_move_in() {
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED)
                .when(new RecordOutflowCommand(CLIENT, "tenancy-1", MOVED_IN))
                .expectEvents(OUTFLOW)
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(MOVED_IN.plusMonths(6))), Client.REVIEW_DUE)
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(MOVED_IN.plusMonths(24))), Client.REVIEW_DUE);
    }

    @Test
    void reviews_follow_the_cadence_of_the_agreement_version_in_force_at_move_in() {
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(FixedPolicies.of(new AgreementPolicy(Period.ofMonths(6), Period.ofMonths(12), Period.ofMonths(36), Period.ofMonths(12), Period.ofMonths(24), Period.ofWeeks(4), Period.ofMonths(6))));
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED)
                .when(new RecordOutflowCommand(CLIENT, "tenancy-1", MOVED_IN))
                .expectEvents(new OutflowRecordedEvent(CLIENT, "tenancy-1", MOVED_IN, "agreement-twente", 1, Period.ofMonths(12), Period.ofMonths(24)))
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(MOVED_IN.plusMonths(12))), Client.REVIEW_DUE);
    }

    @Test
    void a_review_falls_due_when_its_date_comes() {
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED)
                .andGivenCommands(new RecordOutflowCommand(CLIENT, "tenancy-1", MOVED_IN))
                .whenThenTimeAdvancesTo(startOf(MOVED_IN.plusMonths(6)))
                .expectEvents(new MonitoringReviewDueEvent(CLIENT, 1, MOVED_IN.plusMonths(6)));
    }

    @Test
    void outflow_needs_an_open_trajectory() {
        fixture.given(REGISTERED_IN_SHELTER)
                .when(new RecordOutflowCommand(CLIENT, "tenancy-1", MOVED_IN))
                .expectException(violated("NO_OPEN_TRAJECTORY"));
    }

    @Test
    void a_review_is_recorded_only_after_move_in() {
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED)
                .when(new RecordMonitoringReviewCommand(CLIENT, LocalDate.of(2026, 3, 1), "goes well"))
                .expectException(violated("CLIENT_NOT_HOUSED"));
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW)
                .when(new RecordMonitoringReviewCommand(CLIENT, LocalDate.of(2026, 3, 1), "goes well"))
                .expectEvents(new MonitoringReviewRecordedEvent(CLIENT, LocalDate.of(2026, 3, 1), "goes well"));
    }

    @Test
    void a_return_to_care_closes_the_trajectory_and_cancels_the_reviews() {
        LocalDate returned = LocalDate.of(2026, 1, 10);
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW)
                .when(new RecordReturnToCareCommand(CLIENT, CareSetting.PROTECTED_HOUSING, returned, "terugval"))
                .expectEvents(new ClientReturnedToCareEvent(CLIENT, "tenancy-1", CareSetting.PROTECTED_HOUSING, returned, "terugval"),
                        new TrajectoryClosedEvent(CLIENT, TrajectoryClosure.RETURNED_TO_CARE, returned, "terugval"));
    }

    @Test
    void a_return_to_care_needs_grounds_and_a_client_who_lived_independently() {
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW)
                .when(new RecordReturnToCareCommand(CLIENT, CareSetting.PROTECTED_HOUSING, LocalDate.of(2026, 1, 10), " "))
                .expectException(violated("RETURN_NEEDS_GROUNDS"));
        fixture.given(REGISTERED_IN_SHELTER)
                .when(new RecordReturnToCareCommand(CLIENT, CareSetting.PROTECTED_HOUSING, LocalDate.of(2026, 1, 10), "x"))
                .expectException(violated("CLIENT_NOT_HOUSED"));
    }

    @Test
    void only_an_open_trajectory_can_be_closed() {
        fixture.given(REGISTERED_IN_SHELTER)
                .when(new CloseTrajectoryCommand(CLIENT, TrajectoryClosure.WITHDRAWN, LocalDate.of(2025, 3, 1), "moved abroad"))
                .expectException(violated("NO_OPEN_TRAJECTORY"));
    }

    @Test
    void procesregie_is_given_to_an_organisation_once() {
        CaseCoordinationAssignedEvent assigned = new CaseCoordinationAssignedEvent(CLIENT, TEAM, NEIGHBOURHOOD_TEAM,
                LocalDate.of(2025, 3, 1));
        fixture.given(registeredBy(MUNICIPALITY))
                .when(new AssignCaseCoordinationCommand(CLIENT, TEAM, NEIGHBOURHOOD_TEAM, LocalDate.of(2025, 3, 1)),
                        actor(MUNICIPALITY))
                .expectEvents(assigned);
        fixture.given(registeredBy(MUNICIPALITY), assigned)
                .when(new AssignCaseCoordinationCommand(CLIENT, TEAM, NEIGHBOURHOOD_TEAM, LocalDate.of(2025, 4, 1)),
                        actor(MUNICIPALITY))
                .expectException(violated("CASE_COORDINATION_ASSIGNED_ONCE"));
    }

    @Test
    void procesregie_is_the_clients_municipality_to_give() {
        fixture.given(registeredBy(MUNICIPALITY))
                .when(new AssignCaseCoordinationCommand(CLIENT, TEAM, NEIGHBOURHOOD_TEAM, LocalDate.of(2025, 3, 1)),
                        actor(OTHER_MUNICIPALITY))
                .expectException(violated("CASE_COORDINATION_BY_CLIENTS_MUNICIPALITY"))
                .expectNoEvents();
    }

    // Housing requests: the coordination point involves a corporation

    static final ArrangementChecklistUpdatedEvent DEBTS_STABILISED = new ArrangementChecklistUpdatedEvent(CLIENT,
            new ArrangementChecklist(true, true, true, true, true, true), LocalDate.of(2025, 2, 10));

    @Test
    void the_clients_municipality_asks_a_corporation_for_a_dwelling() {
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED, DEBTS_STABILISED)
                .when(new RequestHousingCommand(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)), actor(MUNICIPALITY))
                .expectEvents(new HousingRequestedEvent(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)));
    }

    @Test
    void the_holder_of_procesregie_may_ask_too() {
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED, DEBTS_STABILISED,
                        new CaseCoordinationAssignedEvent(CLIENT, TEAM, NEIGHBOURHOOD_TEAM, LocalDate.of(2025, 2, 1)))
                .when(new RequestHousingCommand(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)), actor(TEAM))
                .expectEvents(new HousingRequestedEvent(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)));
    }

    @Test
    void nobody_else_involves_a_corporation_not_even_the_corporation_itself() {
        for (String outsider : new String[]{OTHER_MUNICIPALITY, CORPORATION, "87654321"}) {
            fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED, DEBTS_STABILISED)
                    .when(new RequestHousingCommand(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)), actor(outsider))
                    .expectException(violated("HOUSING_REQUEST_BY_COORDINATION_POINT"))
                    .expectNoEvents();
        }
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED, DEBTS_STABILISED)
                .when(new RequestHousingCommand(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)))
                .expectException(violated("HOUSING_REQUEST_BY_COORDINATION_POINT"));
    }

    @Test
    void a_dwelling_is_requested_in_an_open_trajectory_once_debts_are_stabilised() {
        fixture.given(registeredBy(MUNICIPALITY), DEBTS_STABILISED)
                .when(new RequestHousingCommand(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)), actor(MUNICIPALITY))
                .expectException(violated("HOUSING_REQUEST_NEEDS_OPEN_TRAJECTORY"));
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED)
                .when(new RequestHousingCommand(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)), actor(MUNICIPALITY))
                .expectException(violated("DEBTS_STABILISED_BEFORE_REQUEST"));
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED, DEBTS_STABILISED)
                .when(new RequestHousingCommand(CLIENT, "not-a-kvk", LocalDate.of(2025, 2, 11)), actor(MUNICIPALITY))
                .expectException(violated("CORPORATION_REQUIRED"));
    }

    @Test
    void a_standing_request_is_made_once_and_only_a_standing_request_is_withdrawn() {
        standing.add(CORPORATION);
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED, DEBTS_STABILISED)
                .when(new RequestHousingCommand(CLIENT, CORPORATION, LocalDate.of(2025, 2, 11)), actor(MUNICIPALITY))
                .expectException(violated("HOUSING_REQUESTED_ONCE"));
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED, DEBTS_STABILISED)
                .when(new WithdrawHousingRequestCommand(CLIENT, CORPORATION, LocalDate.of(2025, 3, 1)), actor(MUNICIPALITY))
                .expectEvents(new HousingRequestWithdrawnEvent(CLIENT, CORPORATION, LocalDate.of(2025, 3, 1)));
        standing.clear();
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED, DEBTS_STABILISED)
                .when(new WithdrawHousingRequestCommand(CLIENT, CORPORATION, LocalDate.of(2025, 3, 1)), actor(MUNICIPALITY))
                .expectException(violated("NO_SUCH_HOUSING_REQUEST"));
    }

    @Test
    void consent_is_given_once_and_only_given_consent_can_be_withdrawn() {
        ConsentGivenEvent given = new ConsentGivenEvent(CLIENT, "12345678", "goed-huurderschap", LocalDate.of(2025, 3, 1));
        fixture.given(registeredBy(MUNICIPALITY), given)
                .when(new GiveConsentCommand(CLIENT, "12345678", "goed-huurderschap", LocalDate.of(2025, 3, 2)), actor(MUNICIPALITY))
                .expectException(violated("CONSENT_ALREADY_GIVEN"));
        fixture.given(registeredBy(MUNICIPALITY))
                .when(new WithdrawConsentCommand(CLIENT, "12345678", "goed-huurderschap", LocalDate.of(2025, 3, 2)), actor(MUNICIPALITY))
                .expectException(violated("NO_SUCH_CONSENT"));
        fixture.given(registeredBy(MUNICIPALITY), given)
                .when(new WithdrawConsentCommand(CLIENT, "12345678", "goed-huurderschap", LocalDate.of(2025, 4, 1)), actor(MUNICIPALITY))
                .expectEvents(new ConsentWithdrawnEvent(CLIENT, "12345678", "goed-huurderschap", LocalDate.of(2025, 4, 1)));
    }

    @Test
    void consents_are_recorded_by_the_clients_own_municipality_not_by_another_holding_procesregie() {
        ConsentGivenEvent given = new ConsentGivenEvent(CLIENT, CORPORATION, "goed-huurderschap", LocalDate.of(2025, 3, 1));
        CaseCoordinationAssignedEvent procesregie = new CaseCoordinationAssignedEvent(CLIENT, OTHER_MUNICIPALITY,
                OrganisationType.MUNICIPALITY, LocalDate.of(2025, 2, 1));
        fixture.given(registeredBy(MUNICIPALITY), procesregie)
                .when(new GiveConsentCommand(CLIENT, CORPORATION, "goed-huurderschap", LocalDate.of(2025, 3, 2)),
                        actor(OTHER_MUNICIPALITY))
                .expectException(violated("CONSENT_BY_CLIENTS_MUNICIPALITY")).expectNoEvents();
        fixture.given(registeredBy(MUNICIPALITY), procesregie, given)
                .when(new WithdrawConsentCommand(CLIENT, CORPORATION, "goed-huurderschap", LocalDate.of(2025, 3, 2)),
                        actor(OTHER_MUNICIPALITY))
                .expectException(violated("CONSENT_BY_CLIENTS_MUNICIPALITY")).expectNoEvents();
        fixture.given(registeredBy(MUNICIPALITY), procesregie)
                .when(new GiveConsentCommand(CLIENT, CORPORATION, "goed-huurderschap", LocalDate.of(2025, 3, 2)),
                        actor(MUNICIPALITY))
                .expectEvents(new ConsentGivenEvent(CLIENT, CORPORATION, "goed-huurderschap", LocalDate.of(2025, 3, 2)));
    }

    @Test
    void erasing_a_client_records_the_erasure_with_its_ground() {
        fixture.given(registeredBy(MUNICIPALITY), TRAJECTORY_STARTED)
                .when(new ErasePersonalDataCommand(CLIENT, ErasureGround.CLIENT_REQUEST, LocalDate.of(2026, 3, 1)), actor(MUNICIPALITY))
                .expectEvents(new PersonalDataErasedEvent(CLIENT, ErasureGround.CLIENT_REQUEST, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void erasing_twice_is_erasing_once() {
        fixture.given(registeredBy(MUNICIPALITY),
                        new PersonalDataErasedEvent(CLIENT, ErasureGround.RETENTION_PERIOD_ENDED, LocalDate.of(2026, 3, 1)))
                .when(new ErasePersonalDataCommand(CLIENT, ErasureGround.CLIENT_REQUEST, LocalDate.of(2026, 3, 2)), actor(MUNICIPALITY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void an_erasure_names_its_ground() {
        fixture.given(registeredBy(MUNICIPALITY))
                .when(new ErasePersonalDataCommand(CLIENT, null, LocalDate.of(2026, 3, 1)), actor(MUNICIPALITY))
                .expectException(violated("ERASURE_GROUND_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void only_the_clients_own_municipality_erases_their_personal_data() {
        fixture.given(registeredBy(MUNICIPALITY),
                        new CaseCoordinationAssignedEvent(CLIENT, OTHER_MUNICIPALITY, OrganisationType.MUNICIPALITY,
                                LocalDate.of(2025, 2, 1)))
                .when(new ErasePersonalDataCommand(CLIENT, ErasureGround.CLIENT_REQUEST, LocalDate.of(2026, 3, 1)),
                        actor(OTHER_MUNICIPALITY))
                .expectException(violated("ERASURE_BY_CLIENTS_MUNICIPALITY"))
                .expectNoEvents();
    }

    @Test
    void an_erased_client_takes_no_new_facts() {
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW,
                        new PersonalDataErasedEvent(CLIENT, ErasureGround.CLIENT_REQUEST, LocalDate.of(2026, 3, 1)))
                .when(new RecordMonitoringReviewCommand(CLIENT, LocalDate.of(2026, 3, 2), "going well"))
                .expectException(violated("PERSONAL_DATA_ERASED"))
                .expectNoEvents();
    }

    @Test
    void after_an_eviction_the_client_is_no_longer_housed_and_no_review_falls_due() {
        LocalDate evicted = MOVED_IN.plusMonths(8);
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED)
                .andGivenCommands(new RecordOutflowCommand(CLIENT, "tenancy-1", MOVED_IN))
                .when(new RecordHousingEndedCommand(CLIENT, "tenancy-1", TenancyEndReason.EVICTION, evicted))
                .expectEvents(new ClientNoLongerHousedEvent(CLIENT, "tenancy-1", TenancyEndReason.EVICTION, evicted))
                .expectNoScheduledDeadlines();
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW,
                        new ClientNoLongerHousedEvent(CLIENT, "tenancy-1", TenancyEndReason.EVICTION, evicted))
                .when(new RecordMonitoringReviewCommand(CLIENT, evicted.plusDays(3), "follow-up"))
                .expectException(violated("CLIENT_NOT_HOUSED"));
    }

    @Test
    void the_end_of_another_tenancy_or_a_repeat_changes_nothing() {
        LocalDate moved = MOVED_IN.plusMonths(8);
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW)
                .when(new RecordHousingEndedCommand(CLIENT, "tenancy-2", TenancyEndReason.MOVED, moved))
                .expectNoEvents();
        fixture.given(REGISTERED_IN_SHELTER, TRAJECTORY_STARTED, OUTFLOW,
                        new ClientNoLongerHousedEvent(CLIENT, "tenancy-1", TenancyEndReason.MOVED, moved))
                .when(new RecordHousingEndedCommand(CLIENT, "tenancy-1", TenancyEndReason.MOVED, moved))
                .expectNoEvents();
    }
}
