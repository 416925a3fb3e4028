package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** A dwelling was offered, from the quota or by direct mediation, under the agreement version in force. */
public record DwellingOfferedEvent(
        String tenancyId,
        @DataSubject String clientId,
        String landlord,
        String careProvider,
        LeaseForm leaseForm,
        Dwelling dwelling,
        String region,
        boolean fromQuota,
        LocalDate offeredOn,
        LocalDate trajectoryStartedOn,
        String agreementId,
        int agreementVersion,
        int offerDeadlineMonths) {
}
