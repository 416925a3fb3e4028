package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.BusinessDated;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.privacy.DataSubject;

import java.time.LocalDate;

/**
 * An organisation holds procesregie for the client from {@code assignedOn}: it is involved with the client.
 * {@code organisationType} is null in events recorded before it was asked for.
 */
public record CaseCoordinationAssignedEvent(
        @DataSubject String clientId,
        String organisation,
        OrganisationType organisationType,
        LocalDate assignedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return assignedOn;
    }
}
