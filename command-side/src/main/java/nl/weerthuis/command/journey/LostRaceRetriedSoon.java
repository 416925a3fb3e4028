package nl.weerthuis.command.journey;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import nl.weerthuis.command.web.LostRace;

import java.time.Duration;

/**
 * When a deadline fails because another instance appended to its aggregate first (two overdue deadlines of one
 * tenancy fire at the same moment, one on each instance), or PostgreSQL chose it as a deadlock's loser, it is decided
 * again a second later (at the scheduler's next poll) on the aggregate as it now stands, instead of after db-scheduler's five minutes for a failure. A deadline that keeps losing, or fails for
 * any other reason, waits the five minutes.
 */
class LostRaceRetriedSoon<T> implements FailureHandler<T> {

    static final Duration SOON = Duration.ofSeconds(1);
    static final Duration LATER = Duration.ofMinutes(5);
    static final int SOON_AT_MOST = 10;

    /** How long a deadline that failed with this cause, this many times in a row, waits before it is tried again. */
    static Duration retryAfter(Throwable cause, int consecutiveFailures) {
        return LostRace.causes(cause) && consecutiveFailures < SOON_AT_MOST ? SOON : LATER;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
        Duration wait = retryAfter(complete.getCause().orElse(null), complete.getExecution().consecutiveFailures);
        operations.reschedule(complete, complete.getTimeDone().plus(wait));
    }
}
