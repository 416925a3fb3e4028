package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The offer was refused, with grounds. */
public record OfferRefusedEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate refusedOn,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return refusedOn;
    }
}
