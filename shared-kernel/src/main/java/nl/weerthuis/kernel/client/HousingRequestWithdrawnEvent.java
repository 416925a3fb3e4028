package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import nl.weerthuis.kernel.privacy.DataSubject;

import java.time.LocalDate;

/** The request to a corporation was withdrawn: unless it lets a dwelling to the client, it is no longer involved. */
public record HousingRequestWithdrawnEvent(
        @DataSubject String clientId,
        String corporation,
        LocalDate withdrawnOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return withdrawnOn;
    }
}
