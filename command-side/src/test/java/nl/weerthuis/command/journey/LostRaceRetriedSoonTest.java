package nl.weerthuis.command.journey;

import org.axonframework.deadline.DeadlineException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A deadline that lost a race on its aggregate is decided again soon; any other failure waits db-scheduler's five minutes. */
class LostRaceRetriedSoonTest {

    private static final Throwable LOST_RACE = new DeadlineException("Failed to process",
            new IllegalStateException("handler failed", new ConcurrencyException("sequence 4 already inserted")));

    @Test
    void a_lost_race_is_tried_again_a_second_later() {
        assertThat(LostRaceRetriedSoon.retryAfter(LOST_RACE, 1)).isEqualTo(LostRaceRetriedSoon.SOON);
    }

    @Test
    void a_deadlock_loser_is_tried_again_a_second_later_too() {
        Throwable deadlock = new DeadlineException("Failed to process",
                new java.sql.SQLException("deadlock detected", "40P01"));
        assertThat(LostRaceRetriedSoon.retryAfter(deadlock, 1)).isEqualTo(LostRaceRetriedSoon.SOON);
    }

    @Test
    void a_deadline_that_keeps_losing_waits_like_any_failure() {
        assertThat(LostRaceRetriedSoon.retryAfter(LOST_RACE, LostRaceRetriedSoon.SOON_AT_MOST)).isEqualTo(LostRaceRetriedSoon.LATER);
    }

    @Test
    void any_other_failure_waits_five_minutes() {
        assertThat(LostRaceRetriedSoon.retryAfter(new DeadlineException("Failed to process", new IllegalStateException("bug")), 1))
                .isEqualTo(LostRaceRetriedSoon.LATER);
        assertThat(LostRaceRetriedSoon.retryAfter(null, 1)).isEqualTo(LostRaceRetriedSoon.LATER);
    }
}
