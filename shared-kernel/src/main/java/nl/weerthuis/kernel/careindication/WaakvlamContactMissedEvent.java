package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** A waakvlam contact was not recorded by its due date: itself a signal. */
public record WaakvlamContactMissedEvent(
        String indicationId,
        @DataSubject String clientId,
        LocalDate dueOn,
        LocalDate nextDueOn) implements BusinessDated {
    /** The day the missed contact was due. */
    @Override
    public LocalDate businessDate() {
        return dueOn;
    }
}
