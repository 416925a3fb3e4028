package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;
import nl.weerthuis.kernel.agreement.DecidedUnderAgreement;

import java.time.LocalDate;
import java.time.Period;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.weerthuis.kernel.agreement.Term;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client left BW or MO for a home of their own: the outflow moment; reviews are scheduled by the agreement version in force. */
public record OutflowRecordedEvent(
        @DataSubject String clientId,
        String tenancyId,
        LocalDate movedInOn,
        String agreementId,
        int agreementVersion,
        @JsonAlias("reviewCadenceMonths") @JsonDeserialize(using = Term.Months.class) Period reviewCadence,
        @JsonAlias("reviewPeriodMonths") @JsonDeserialize(using = Term.Months.class) Period reviewPeriod) implements BusinessDated, DecidedUnderAgreement {
    /** The outflow is the move-in. */
    @Override
    public LocalDate businessDate() {
        return movedInOn;
    }
}
