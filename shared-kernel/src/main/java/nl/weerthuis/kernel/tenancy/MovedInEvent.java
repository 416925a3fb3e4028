package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client moved in (outflow). The flip term follows from the agreement version in force on this date. */
public record MovedInEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate movedInOn,
        LeaseForm leaseForm,
        String landlord,
        String careProvider,
        String region,
        String municipality,
        String neighbourhood,
        String agreementId,
        int agreementVersion,
        int flipMinimumMonths,
        int flipMaximumMonths) {
}
