package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The maximum term before the flip passed without a flip. */
public record FlipTermExpiredEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate expiredOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return expiredOn;
    }
}
