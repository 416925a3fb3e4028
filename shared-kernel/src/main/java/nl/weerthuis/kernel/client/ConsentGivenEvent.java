package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client gave consent to share with an organisation for a purpose. */
public record ConsentGivenEvent(
        @DataSubject String clientId,
        String receivingOrganisation,
        String purpose,
        LocalDate givenOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return givenOn;
    }
}
