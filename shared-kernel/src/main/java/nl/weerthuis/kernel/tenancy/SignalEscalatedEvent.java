package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The signal was escalated. */
public record SignalEscalatedEvent(
        String tenancyId,
        @DataSubject String clientId,
        String signalId,
        EscalationTarget target,
        LocalDate escalatedOn,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return escalatedOn;
    }
}
