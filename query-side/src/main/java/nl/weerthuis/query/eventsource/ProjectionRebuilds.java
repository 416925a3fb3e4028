package nl.weerthuis.query.eventsource;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Rebuilds a read model while the system runs: its processor stops, its tokens go back to the start of the store,
 * its reset handler clears its tables, and it replays every event. Other read models keep running meanwhile.
 * With several query-side instances, the read model's processor must be stopped on the others first: one that
 * still holds a segment carries on from where it was and overwrites the reset token, so that segment's older
 * events would be missing from the rebuilt read model.
 */
@Component
public class ProjectionRebuilds {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate events;

    ProjectionRebuilds(EventProcessingConfiguration processing, @Qualifier("eventStoreDataSource") DataSource eventStore) {
        this.processing = processing;
        this.events = new JdbcTemplate(eventStore);
    }

    /**
     * {@code caughtUp}: every segment has handled every event there is, so a rebuild is done. {@code replaying} may
     * stay true after that until a new event passes the position the reset was made at.
     */
    public record Progress(String projection, boolean running, boolean replaying, boolean caughtUp, long position,
                           long head, int segments, double percent) {
    }

    public Optional<Progress> rebuild(String projection) {
        return processor(projection).map(processor -> {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            return progressOf(projection, processor);
        });
    }

    public Optional<Progress> progress(String projection) {
        return processor(projection).map(processor -> progressOf(projection, processor));
    }

    private Optional<StreamingEventProcessor> processor(String projection) {
        return processing.eventProcessor(projection, StreamingEventProcessor.class);
    }

    private Progress progressOf(String projection, StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        long head = Optional.ofNullable(events.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class))
                .orElse(0L);
        boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        boolean caughtUp = !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
        long position = status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(0L);
        double percent = head == 0 ? 100.0 : Math.min(100.0, Math.round(1000.0 * position / head) / 10.0);
        return new Progress(projection, processor.isRunning(), replaying, caughtUp, position, head, status.size(), percent);
    }
}
