package nl.weerthuis.kernel.tenancy;

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
        @PersonalData String resolution) {
}
