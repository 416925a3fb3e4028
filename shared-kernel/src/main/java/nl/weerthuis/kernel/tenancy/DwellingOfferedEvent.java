package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;
import nl.weerthuis.kernel.agreement.DecidedUnderAgreement;

import java.time.LocalDate;
import java.time.Period;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.weerthuis.kernel.agreement.Term;
import nl.weerthuis.kernel.privacy.DataSubject;

/**
 * A dwelling was offered, from the quota or by direct mediation, under the agreement version in force, whose offer
 * deadline it records (events before ISO terms: {@code offerDeadlineMonths}, whole months).
 */
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
        @JsonAlias("offerDeadlineMonths") @JsonDeserialize(using = Term.Months.class) Period offerDeadline) implements BusinessDated, DecidedUnderAgreement {
    /** Not the day the trajectory started, which it also records. */
    @Override
    public LocalDate businessDate() {
        return offeredOn;
    }
}
