package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The agreements of the tenancy were recorded. */
public record TenancyAgreementsRecordedEvent(
        String tenancyId,
        @DataSubject String clientId,
        @PersonalData String agreements,
        LocalDate recordedOn) {
}
