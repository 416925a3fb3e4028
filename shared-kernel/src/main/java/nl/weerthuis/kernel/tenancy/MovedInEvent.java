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
 * The client moved in (outflow). The flip term follows from the agreement version in force on this date (events
 * before ISO terms: {@code flipMinimumMonths}/{@code flipMaximumMonths}, whole months).
 */
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
        @JsonAlias("flipMinimumMonths") @JsonDeserialize(using = Term.Months.class) Period flipMinimumTerm,
        @JsonAlias("flipMaximumMonths") @JsonDeserialize(using = Term.Months.class) Period flipMaximumTerm) implements BusinessDated, DecidedUnderAgreement {
    @Override
    public LocalDate businessDate() {
        return movedInOn;
    }
}
