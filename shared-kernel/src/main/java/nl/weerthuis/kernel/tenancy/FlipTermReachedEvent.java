package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The minimum term before the flip has passed: the flip may now be decided. */
public record FlipTermReachedEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate reachedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return reachedOn;
    }
}
