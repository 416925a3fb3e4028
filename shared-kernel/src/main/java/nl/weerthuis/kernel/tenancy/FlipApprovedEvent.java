package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** A party approved the flip. */
public record FlipApprovedEvent(
        String tenancyId,
        @DataSubject String clientId,
        FlipParty party,
        LocalDate approvedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return approvedOn;
    }
}
