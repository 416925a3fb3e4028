package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** A signal was raised about the tenancy. */
public record SignalRaisedEvent(
        String tenancyId,
        @DataSubject String clientId,
        String signalId,
        SignalKind kind,
        String sourceOrganisation,
        OrganisationType sourceType,
        Severity severity,
        @PersonalData String description,
        LocalDate raisedOn) implements BusinessDated {
    @Override
    public LocalDate businessDate() {
        return raisedOn;
    }
}
