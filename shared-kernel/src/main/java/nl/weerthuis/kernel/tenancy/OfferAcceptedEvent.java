package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client accepted the offer. */
public record OfferAcceptedEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate acceptedOn) {
}
