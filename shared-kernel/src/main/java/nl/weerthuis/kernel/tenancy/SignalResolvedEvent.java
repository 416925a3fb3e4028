package nl.weerthuis.kernel.tenancy;

import nl.weerthuis.kernel.BusinessDated;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;

/** The signal was resolved. */
public record SignalResolvedEvent(
        String tenancyId,
        @DataSubject String clientId,
        String signalId,
        SignalKind kind,
        Severity severity,
        LocalDate raisedOn,
        LocalDate resolvedOn,
        @PersonalData String resolution) implements BusinessDated {
    /** Not the day the signal was raised, which it also records. */
    @Override
    public LocalDate businessDate() {
        return resolvedOn;
    }
}
