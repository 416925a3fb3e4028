package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** A waakvlam contact took place; the next one is due on {@code nextDueOn}. */
public record WaakvlamContactRecordedEvent(
        String indicationId,
        @DataSubject String clientId,
        LocalDate contactOn,
        LocalDate nextDueOn,
        @PersonalData String notes) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return contactOn;
    }
}
