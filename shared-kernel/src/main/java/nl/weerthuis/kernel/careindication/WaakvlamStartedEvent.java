package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;
import nl.weerthuis.kernel.agreement.DecidedUnderAgreement;

import java.time.LocalDate;
import java.time.Period;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import nl.weerthuis.kernel.agreement.Term;
import nl.weerthuis.kernel.privacy.DataSubject;

/**
 * Low-intensity after-care started with the regional default frequency and duration (events before ISO terms:
 * {@code frequencyWeeks}, whole weeks).
 */
public record WaakvlamStartedEvent(
        String indicationId,
        @DataSubject String clientId,
        LocalDate startedOn,
        @JsonAlias("frequencyWeeks") @JsonDeserialize(using = Term.Weeks.class) Period frequency,
        LocalDate until,
        LocalDate firstContactDueOn,
        String agreementId,
        int agreementVersion) implements BusinessDated, DecidedUnderAgreement {
    @Override
    public LocalDate businessDate() {
        return startedOn;
    }
}
