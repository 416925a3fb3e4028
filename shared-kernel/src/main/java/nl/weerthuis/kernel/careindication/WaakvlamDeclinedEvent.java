package nl.weerthuis.kernel.careindication;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** No waakvlam after an indication that ended because the client can live independently; the grounds say why. */
public record WaakvlamDeclinedEvent(
        String indicationId,
        @DataSubject String clientId,
        LocalDate declinedOn,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return declinedOn;
    }
}
