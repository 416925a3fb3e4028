package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The waakvlam ended. */
public record WaakvlamEndedEvent(
        String indicationId,
        @DataSubject String clientId,
        WaakvlamEndReason reason,
        LocalDate endedOn,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return endedOn;
    }
}
