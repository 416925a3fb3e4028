package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client withdrew a consent. */
public record ConsentWithdrawnEvent(
        @DataSubject String clientId,
        String receivingOrganisation,
        String purpose,
        LocalDate withdrawnOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return withdrawnOn;
    }
}
