package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The client's housing wishes (zoekprofiel) were recorded. */
public record HousingWishesRecordedEvent(
        @DataSubject String clientId,
        @PersonalData String wishes,
        @PersonalData String accessibilityNeeds,
        LocalDate recordedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return recordedOn;
    }
}
