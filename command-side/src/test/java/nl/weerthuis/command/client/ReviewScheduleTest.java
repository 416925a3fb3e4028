package nl.weerthuis.command.client;

import nl.weerthuis.command.support.FixedPolicies;
import nl.weerthuis.kernel.agreement.AgreementPolicy;
import nl.weerthuis.kernel.client.RecordOutflowCommand;
import nl.weerthuis.kernel.client.OutflowRecordedEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.weerthuis.kernel.client.MonitoringReviewDueEvent;
import nl.weerthuis.kernel.client.MonitoringReviewRecordedEvent;

import static nl.weerthuis.kernel.BusinessCalendar.startOf;
import static org.assertj.core.api.Assertions.assertThat;

class ReviewScheduleTest {

    static final LocalDate MOVED_IN = LocalDate.of(2025, 8, 31);

    @Test
    void reviews_fall_every_cadence_until_the_period_ends_on_the_same_day_of_the_month() {
        // Each review is the move-in plus n cadences: 31 August + 3 months is 30 November, + 6 is 28 February,
        // + 9 is 31 May (not the 28th, as adding three months at a time would drift).
        assertThat(ReviewSchedule.dueDates(MOVED_IN, Period.ofMonths(3), Period.ofYears(1))).containsExactly(
                LocalDate.of(2025, 11, 30), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 31), LocalDate.of(2026, 8, 31));
        assertThat(ReviewSchedule.dueDates(MOVED_IN, Period.ofWeeks(6), Period.ofWeeks(12)))
                .containsExactly(MOVED_IN.plusWeeks(6), MOVED_IN.plusWeeks(12));
        assertThat(ReviewSchedule.dueDates(MOVED_IN, Period.ofMonths(6), Period.ofMonths(5))).isEmpty();
    }

    @Test
    void an_agreement_with_a_quarterly_cadence_for_a_year_schedules_four_reviews() {
        AgreementPolicy quarterly = new AgreementPolicy(Period.ofDays(182), Period.ofMonths(6), Period.ofMonths(18),
                Period.ofMonths(3), Period.ofYears(1), Period.ofWeeks(6), Period.ofMonths(3));
        AggregateTestFixture<Client> fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(FixedPolicies.of(quarterly));
        fixture.givenCurrentTime(startOf(MOVED_IN))
                .andGiven(ClientTest.REGISTERED_IN_SHELTER, ClientTest.TRAJECTORY_STARTED)
                .when(new RecordOutflowCommand(ClientTest.CLIENT, "tenancy-1", MOVED_IN))
                .expectEvents(new OutflowRecordedEvent(ClientTest.CLIENT, "tenancy-1", MOVED_IN, "agreement-twente", 1,
                        Period.ofMonths(3), Period.ofYears(1)))
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(LocalDate.of(2025, 11, 30))), Client.REVIEW_DUE)
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(LocalDate.of(2026, 2, 28))), Client.REVIEW_DUE)
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(LocalDate.of(2026, 5, 31))), Client.REVIEW_DUE)
                .expectScheduledDeadlineWithName(Duration.between(startOf(MOVED_IN), startOf(LocalDate.of(2026, 8, 31))), Client.REVIEW_DUE);
    }

    @Test
    void a_review_held_in_its_window_or_a_little_late_counts_each_review_once() {
        LocalDate movedIn = LocalDate.of(2024, 1, 1);
        Period cadence = Period.ofMonths(6);
        List<LocalDate> due = ReviewSchedule.dueDates(movedIn, cadence, Period.ofMonths(24)); // Jul 24, Jan 25, Jul 25, Jan 26
        List<LocalDate> reviews = List.of(LocalDate.of(2024, 6, 20), LocalDate.of(2025, 2, 10));
        assertThat(ReviewSchedule.held(movedIn, cadence, due, 1, reviews)).isTrue();   // before it fell due
        assertThat(ReviewSchedule.held(movedIn, cadence, due, 2, reviews)).isTrue();   // six weeks late
        assertThat(ReviewSchedule.held(movedIn, cadence, due, 3, reviews)).isFalse();
        assertThat(ReviewSchedule.held(movedIn, cadence, due, 4, reviews)).isFalse();
        // One review cannot count twice: a single review in February 2025 covers review 2 only after review 1 took
        // the June one; alone it is review 1 (a little late is too late here: more than a cadence after July 2024).
        assertThat(ReviewSchedule.held(movedIn, cadence, due, 1, List.of(LocalDate.of(2025, 2, 10)))).isFalse();
        assertThat(ReviewSchedule.held(movedIn, cadence, due, 2, List.of(LocalDate.of(2025, 2, 10)))).isTrue();
    }

    @Test
    void overdue_reviews_are_decided_in_business_order_and_a_review_already_held_is_not_due() {
        LocalDate movedIn = LocalDate.of(2024, 1, 1);
        LocalDate entered = LocalDate.of(2026, 3, 1);
        AggregateTestFixture<Client> fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(FixedPolicies.of(AgreementPolicy.NATIONAL_DEFAULT)); // every 6 months for 24
        // Entered after the fact, in 2026: the move-in of 2024 and the review held in June 2024.
        fixture.givenCurrentTime(startOf(entered))
                .andGiven(ClientTest.REGISTERED_IN_SHELTER, ClientTest.TRAJECTORY_STARTED)
                .andGivenCommands(new RecordOutflowCommand(ClientTest.CLIENT, "tenancy-1", movedIn),
                        new nl.weerthuis.kernel.client.RecordMonitoringReviewCommand(ClientTest.CLIENT,
                                LocalDate.of(2024, 6, 20), "stable"))
                .whenThenTimeAdvancesTo(startOf(entered.plusDays(1)))
                .expectEvents(new MonitoringReviewDueEvent(ClientTest.CLIENT, 2, LocalDate.of(2025, 1, 1)),
                        new MonitoringReviewDueEvent(ClientTest.CLIENT, 3, LocalDate.of(2025, 7, 1)),
                        new MonitoringReviewDueEvent(ClientTest.CLIENT, 4, LocalDate.of(2026, 1, 1)));
    }
}
