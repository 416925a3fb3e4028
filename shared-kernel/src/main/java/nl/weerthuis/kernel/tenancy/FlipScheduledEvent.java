package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;
import nl.weerthuis.kernel.agreement.DecidedUnderAgreement;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The flip was planned for a date. */
public record FlipScheduledEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate plannedOn,
        String agreementId,
        int agreementVersion) implements BusinessDated, DecidedUnderAgreement {
    /** The day the flip is planned for. */
    @Override
    public LocalDate businessDate() {
        return plannedOn;
    }
}
