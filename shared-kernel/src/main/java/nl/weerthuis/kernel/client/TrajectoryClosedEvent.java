package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The outflow trajectory ended, for the reason given. */
public record TrajectoryClosedEvent(
        @DataSubject String clientId,
        TrajectoryClosure reason,
        LocalDate closedOn,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return closedOn;
    }
}
