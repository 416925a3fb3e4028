package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;

/** The client accepted the offer. */
public record OfferAcceptedEvent(
        String tenancyId,
        @DataSubject String clientId,
        LocalDate acceptedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return acceptedOn;
    }
}
