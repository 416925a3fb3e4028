package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import nl.weerthuis.kernel.privacy.DataSubject;

import java.time.LocalDate;

/** A corporation was asked for a dwelling for the client: from now on it is involved with the client. */
public record HousingRequestedEvent(
        @DataSubject String clientId,
        String corporation,
        LocalDate requestedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return requestedOn;
    }
}
