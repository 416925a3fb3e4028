package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client withdrew a consent. */
public record ConsentWithdrawnEvent(
        @DataSubject String clientId,
        String receivingOrganisation,
        String purpose,
        LocalDate withdrawnOn) {
}
