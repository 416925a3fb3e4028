package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The indication was extended. */
public record IndicationExtendedEvent(
        String indicationId,
        @DataSubject String clientId,
        LocalDate previousValidUntil,
        LocalDate validUntil,
        @PersonalData String grounds) implements BusinessDated {
    /** The extension runs on from the day the indication would have ended. */
    @Override
    public LocalDate businessDate() {
        return previousValidUntil;
    }
}
