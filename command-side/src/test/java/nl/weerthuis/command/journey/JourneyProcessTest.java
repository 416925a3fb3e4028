package nl.weerthuis.command.journey;

import nl.weerthuis.kernel.careindication.*;
import java.time.Period;
import nl.weerthuis.kernel.client.RecordHousingEndedCommand;
import nl.weerthuis.kernel.client.*;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.tenancy.*;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class JourneyProcessTest {

    static final String CLIENT = "client-1";
    static final String TENANCY = "tenancy-1";
    static final String INDICATION = "indication-1";
    static final LocalDate MOVED_IN = LocalDate.of(2025, 5, 15);
    static final Dwelling DWELLING = new Dwelling("Hoofdstraat 1", "Almelo", "Centrum");

    static final OutflowTrajectoryStartedEvent TRAJECTORY = new OutflowTrajectoryStartedEvent(CLIENT,
            CareSetting.PROTECTED_HOUSING, "Twente", "Almelo", LocalDate.of(2025, 1, 10));
    static final IndicationGrantedEvent INDICATION_GRANTED = new IndicationGrantedEvent(INDICATION, CLIENT,
            IndicationType.AMBULATORY_SUPPORT, 6, "87654321", "Twente", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    static final TenancyStartedEvent TENANCY_STARTED = new TenancyStartedEvent(TENANCY, CLIENT, LeaseForm.TRIPARTITE,
            "12345678", LeaseHolder.CARE_PROVIDER, "87654321", DWELLING, "Twente", LocalDate.of(2025, 5, 1));

    private SagaTestFixture<JourneyProcess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(JourneyProcess.class);
    }

    static TenancyEndedEvent ended(TenancyEndReason reason) {
        return new TenancyEndedEvent(TENANCY, CLIENT, reason, LocalDate.of(2026, 2, 1), "12345678", "87654321", "Twente", null);
    }

    @Test
    void a_journey_starts_with_the_outflow_trajectory() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(TRAJECTORY)
                .expectActiveSagas(1)
                .expectAssociationWith("clientId", CLIENT)
                .expectNoDispatchedCommands();
    }

    @Test
    void a_move_in_is_not_the_journey_process_business_any_more() {
        // OutflowOnMoveIn records the outflow in the move-in's own unit of work (JourneyRaceHttpTest).
        fixture.givenAPublished(TRAJECTORY).andThenAPublished(TENANCY_STARTED)
                .whenPublishingA(new MovedInEvent(TENANCY, CLIENT, MOVED_IN, LeaseForm.TRIPARTITE, "12345678", "87654321",
                        "Twente", "Almelo", "Centrum", "agreement-twente", 1, Period.ofMonths(12), Period.ofMonths(24)))
                .expectNoDispatchedCommands();
    }

    @Test
    void a_return_to_care_ends_the_tenancy_and_the_waakvlam() {
        LocalDate returned = LocalDate.of(2026, 1, 10);
        fixture.givenAPublished(TRAJECTORY).andThenAPublished(INDICATION_GRANTED).andThenAPublished(TENANCY_STARTED)
                .andThenAPublished(new WaakvlamStartedEvent(INDICATION, CLIENT, LocalDate.of(2025, 10, 1), Period.ofWeeks(4),
                        LocalDate.of(2026, 4, 1), LocalDate.of(2025, 10, 29), "agreement-twente", 1))
                .whenPublishingA(new ClientReturnedToCareEvent(CLIENT, TENANCY, CareSetting.PROTECTED_HOUSING, returned, "terugval"))
                .expectDispatchedCommands(new EndTenancyCommand(TENANCY, TenancyEndReason.RETURNED_TO_CARE, returned, null),
                        new EndWaakvlamCommand(INDICATION, WaakvlamEndReason.RETURNED_TO_CARE, returned, null));
    }

    @Test
    void an_eviction_means_the_client_is_no_longer_housed_and_closes_the_open_trajectory() {
        fixture.givenAPublished(TRAJECTORY).andThenAPublished(TENANCY_STARTED)
                .whenPublishingA(ended(TenancyEndReason.EVICTION))
                .expectDispatchedCommands(
                        new RecordHousingEndedCommand(CLIENT, TENANCY, TenancyEndReason.EVICTION, LocalDate.of(2026, 2, 1)),
                        new CloseTrajectoryCommand(CLIENT, TrajectoryClosure.EVICTION, LocalDate.of(2026, 2, 1), null));
    }

    @Test
    void a_move_means_the_client_is_no_longer_housed() {
        fixture.givenAPublished(TRAJECTORY).andThenAPublished(TENANCY_STARTED)
                .andThenAPublished(new TrajectoryClosedEvent(CLIENT, TrajectoryClosure.COMPLETED, LocalDate.of(2026, 1, 10), null))
                .whenPublishingA(ended(TenancyEndReason.MOVED))
                .expectDispatchedCommands(
                        new RecordHousingEndedCommand(CLIENT, TENANCY, TenancyEndReason.MOVED, LocalDate.of(2026, 2, 1)));
    }

    @Test
    void a_tenancy_ended_after_the_trajectory_closed_dispatches_nothing_and_ends_the_journey() {
        fixture.givenAPublished(TRAJECTORY).andThenAPublished(TENANCY_STARTED)
                .andThenAPublished(new TrajectoryClosedEvent(CLIENT, TrajectoryClosure.RETURNED_TO_CARE, LocalDate.of(2026, 1, 10), "x"))
                .whenPublishingA(ended(TenancyEndReason.RETURNED_TO_CARE))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void a_death_closes_trajectory_and_care() {
        fixture.givenAPublished(TRAJECTORY).andThenAPublished(INDICATION_GRANTED).andThenAPublished(TENANCY_STARTED)
                .whenPublishingA(ended(TenancyEndReason.DECEASED))
                .expectDispatchedCommands(
                        new RecordHousingEndedCommand(CLIENT, TENANCY, TenancyEndReason.DECEASED, LocalDate.of(2026, 2, 1)),
                        new CloseTrajectoryCommand(CLIENT, TrajectoryClosure.DECEASED, LocalDate.of(2026, 2, 1), null),
                        new EndIndicationCommand(INDICATION, IndicationEndReason.DECEASED, LocalDate.of(2026, 2, 1), null, null));
    }

    @Test
    void a_missed_waakvlam_contact_becomes_a_signal_on_the_tenancy() {
        LocalDate due = LocalDate.of(2025, 10, 29);
        fixture.givenAPublished(TRAJECTORY).andThenAPublished(TENANCY_STARTED)
                .andThenAPublished(new WaakvlamStartedEvent(INDICATION, CLIENT, LocalDate.of(2025, 10, 1), Period.ofWeeks(4),
                        LocalDate.of(2026, 4, 1), due, "agreement-twente", 1))
                .whenPublishingA(new WaakvlamContactMissedEvent(INDICATION, CLIENT, due, due.plusWeeks(4)))
                .expectDispatchedCommands(new RaiseSignalCommand(TENANCY, "waakvlam-" + INDICATION + "-" + due,
                        SignalKind.MISSED_WAAKVLAM_CONTACT, JourneyProcess.SYSTEM_SOURCE, OrganisationType.NEIGHBOURHOOD_TEAM,
                        Severity.MEDIUM, "The waakvlam contact due on " + due + " was not recorded", due));
    }

    @Test
    void the_journey_ends_when_trajectory_tenancy_and_care_are_all_done() {
        fixture.givenAPublished(TRAJECTORY).andThenAPublished(TENANCY_STARTED)
                .andThenAPublished(new ContractFlippedEvent(TENANCY, CLIENT, LocalDate.of(2026, 6, 1), LeaseHolder.CARE_PROVIDER,
                        LeaseHolder.CLIENT, true, "12345678", "87654321", "Twente", "agreement-twente", 1, null))
                .whenPublishingA(new TrajectoryClosedEvent(CLIENT, TrajectoryClosure.COMPLETED, LocalDate.of(2026, 6, 2), null))
                .expectActiveSagas(1); // the tenancy still runs: a missed waakvlam contact must still reach it
    }
}
