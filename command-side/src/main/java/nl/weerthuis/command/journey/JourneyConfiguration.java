package nl.weerthuis.command.journey;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;

/** Registers the journey process manager; like every command-side processor it streams, pooled, from the store. */
@Configuration
class JourneyConfiguration {

    /** Consequences that belong to their cause's unit of work: a subscribing processor whose failure fails the cause. */
    static final String CONSEQUENCES = "journey-consequences";
    /** Axon's name for the saga's pooled streaming processor; its tokens (claims) are shared by every instance. */
    static final String JOURNEY_PROCESSOR = JourneyProcess.class.getSimpleName() + "Processor";
    static final int JOURNEY_BATCH_SIZE = 100;

    @Bean
    ConfigurerModule journeyProcess(@org.springframework.beans.factory.annotation.Value("${weerthuis.processing.segments}") int segments) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerSaga(JourneyProcess.class)
                .registerSequencingPolicy(JOURNEY_PROCESSOR, c -> new OneJourneyOneSegment())
                // Axon's default for a saga is one event per transaction: a commit, a flush and a token update for
                // each. A batch shares them; a failure rolls the batch back whole, with the commands it sent (they
                // join its transaction), and it is handled again.
                .registerPooledStreamingEventProcessorConfiguration(JOURNEY_PROCESSOR,
                        (c, builder) -> builder.batchSize(JOURNEY_BATCH_SIZE).initialSegmentCount(segments))
                .registerSubscribingEventProcessor(CONSEQUENCES)
                .registerListenerInvocationErrorHandler(CONSEQUENCES, c -> PropagatingErrorHandler.instance());
    }

    /**
     * Axon's persistent (db-scheduler) deadline manager, as its auto-configuration would build it; db-scheduler's
     * task finds it by this type when a deadline fires.
     */
    @Bean
    DbSchedulerDeadlineManager persistentDeadlines(Scheduler scheduler, org.axonframework.config.Configuration configuration,
                                                   Serializer serializer, TransactionManager transactions,
                                                   DeadlineManagerSpanFactory spans) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactions)
                .spanFactory(spans)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    /** Axon's own deadline task, except that a deadline which lost a race to another instance is tried again soon. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerBinaryDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        var axons = DbSchedulerDeadlineManager.binaryTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
        return new Tasks.OneTimeTaskBuilder<>(axons.getName(), DbSchedulerBinaryDeadlineDetails.class)
                .onFailure(new LostRaceRetriedSoon<>())
                .execute(axons::execute);
    }

    /** What the aggregates schedule with: overdue deadlines wait {@code weerthuis.deadlines.settling-period}. */
    @Bean
    @Primary
    DeadlineManager deadlineManager(DbSchedulerDeadlineManager persistent,
                                    @Value("${weerthuis.deadlines.settling-period:PT1H}") Duration settlingPeriod) {
        return new SettlingDeadlineManager(persistent, settlingPeriod, Clock.systemUTC());
    }
}
