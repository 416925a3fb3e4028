package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** A monitoring review fell due (agreement cadence after move-in). */
public record MonitoringReviewDueEvent(
        @DataSubject String clientId,
        int reviewNumber,
        LocalDate dueOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return dueOn;
    }
}
