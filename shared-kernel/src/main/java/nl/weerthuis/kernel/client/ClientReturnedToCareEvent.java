package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The client returned to care (terugval, terugkeergarantie). */
public record ClientReturnedToCareEvent(
        @DataSubject String clientId,
        String tenancyId,
        CareSetting setting,
        LocalDate returnedOn,
        @PersonalData String grounds) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return returnedOn;
    }
}
