package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The agreements of the tenancy were recorded. */
public record TenancyAgreementsRecordedEvent(
        String tenancyId,
        @DataSubject String clientId,
        @PersonalData String agreements,
        LocalDate recordedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return recordedOn;
    }
}
