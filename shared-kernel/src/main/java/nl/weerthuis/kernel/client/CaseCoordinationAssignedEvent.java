package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.privacy.DataSubject;

import java.time.LocalDate;

/** An organisation holds procesregie for the client from {@code assignedOn}: it is involved with the client. */
public record CaseCoordinationAssignedEvent(
        @DataSubject String clientId,
        String organisation,
        LocalDate assignedOn) {
}
