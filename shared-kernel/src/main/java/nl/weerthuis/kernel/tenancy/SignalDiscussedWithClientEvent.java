package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The signal was discussed with the client. */
public record SignalDiscussedWithClientEvent(
        String tenancyId,
        @DataSubject String clientId,
        String signalId,
        LocalDate discussedOn,
        @PersonalData String notes) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return discussedOn;
    }
}
