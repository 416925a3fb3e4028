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

import static nl.weerthuis.command.rules.BusinessCalendar.startOf;
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
}
