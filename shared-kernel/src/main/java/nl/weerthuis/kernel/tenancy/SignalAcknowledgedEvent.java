package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The signal was acknowledged. */
public record SignalAcknowledgedEvent(
        String tenancyId,
        @DataSubject String clientId,
        String signalId,
        LocalDate acknowledgedOn) {
}
