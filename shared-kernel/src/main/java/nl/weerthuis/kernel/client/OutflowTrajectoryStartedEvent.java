package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client became a potential outflower (uitstroomtraject started). */
public record OutflowTrajectoryStartedEvent(
        @DataSubject String clientId,
        CareSetting setting,
        String region,
        String municipality,
        LocalDate startedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return startedOn;
    }
}
