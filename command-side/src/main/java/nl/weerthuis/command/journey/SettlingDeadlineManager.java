package nl.weerthuis.command.journey;

import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Time-driven steps are decided by business date, not by the moment facts are entered. A deadline whose moment
 * already lies in the past when it is scheduled (a journey entered after the fact: an imported caseload, a late
 * move-in) does not fire at once: it waits a settling period, so that the facts entered with it — a flip inside
 * the term, a review already held, contacts that did take place — are on record before the step is decided. The
 * handlers then decide against everything known and in business-date order (each records the steps due before it
 * first). Deadlines in the future fire at their moment, as before.
 */
public class SettlingDeadlineManager implements DeadlineManager {

    private final DeadlineManager delegate;
    private final Duration settlingPeriod;
    private final Clock clock;

    public SettlingDeadlineManager(DeadlineManager delegate, Duration settlingPeriod, Clock clock) {
        this.delegate = delegate;
        this.settlingPeriod = settlingPeriod;
        this.clock = clock;
    }

    /** When a deadline due at {@code due} fires, if it is scheduled at {@code now}. */
    public static Instant firesAt(Instant due, Instant now, Duration settlingPeriod) {
        return due.isAfter(now) ? due : now.plus(settlingPeriod);
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        return delegate.schedule(firesAt(triggerDateTime, clock.instant(), settlingPeriod), deadlineName,
                messageOrPayload, deadlineScope);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        delegate.cancelSchedule(deadlineName, scheduleId);
    }

    @Override
    public void cancelAll(String deadlineName) {
        delegate.cancelAll(deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        delegate.cancelAllWithinScope(deadlineName, scope);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerDispatchInterceptor(interceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return delegate.registerHandlerInterceptor(interceptor);
    }
}
