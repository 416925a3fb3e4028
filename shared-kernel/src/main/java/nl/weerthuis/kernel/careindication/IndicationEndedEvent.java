package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The indication ended, for the reason given. */
public record IndicationEndedEvent(
        String indicationId,
        @DataSubject String clientId,
        IndicationEndReason reason,
        LocalDate endedOn,
        String provider,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return endedOn;
    }
}
