package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The concern behind the signal is resolved. */
public record ResolveSignalCommand(
        @TargetAggregateIdentifier String tenancyId,
        String signalId,
        LocalDate resolvedOn,
        @PersonalData String resolution) {
}
