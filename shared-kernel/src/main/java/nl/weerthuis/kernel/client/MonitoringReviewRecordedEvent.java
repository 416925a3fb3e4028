package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** A monitoring review was held. */
public record MonitoringReviewRecordedEvent(
        @DataSubject String clientId,
        LocalDate reviewedOn,
        @PersonalData String outcome) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return reviewedOn;
    }
}
