package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import nl.weerthuis.kernel.privacy.DataSubject;
import java.time.LocalDate;

/** A client was registered in BW or MO; {@code registeredOn} is the business date, not the recording time. */
public record ClientRegisteredEvent(
        @DataSubject String clientId,
        CareSetting setting,
        String facility,
        String region,
        String municipality,
        String careProvider,
        LocalDate registeredOn,
        PersonalDetails personalDetails) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return registeredOn;
    }
}
