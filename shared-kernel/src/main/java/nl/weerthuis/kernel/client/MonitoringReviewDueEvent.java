package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** A monitoring review fell due (agreement cadence after move-in). */
public record MonitoringReviewDueEvent(
        @DataSubject String clientId,
        int reviewNumber,
        LocalDate dueOn) {
}
