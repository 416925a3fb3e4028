package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The tenancy ended, for the reason given. */
public record TenancyEndedEvent(
        String tenancyId,
        @DataSubject String clientId,
        TenancyEndReason reason,
        LocalDate endedOn,
        String landlord,
        String careProvider,
        String region,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return endedOn;
    }
}
