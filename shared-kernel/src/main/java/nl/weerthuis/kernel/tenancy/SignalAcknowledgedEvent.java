package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The signal was acknowledged. */
public record SignalAcknowledgedEvent(
        String tenancyId,
        @DataSubject String clientId,
        String signalId,
        LocalDate acknowledgedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return acknowledgedOn;
    }
}
