package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The signal goes to a three-party meeting or the Zorg- en Veiligheidshuis. */
public record EscalateSignalCommand(
        @TargetAggregateIdentifier String tenancyId,
        String signalId,
        EscalationTarget target,
        LocalDate escalatedOn,
        @PersonalData String grounds) {
}
