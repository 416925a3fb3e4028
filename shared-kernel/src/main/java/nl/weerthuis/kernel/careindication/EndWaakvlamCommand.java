package nl.weerthuis.kernel.careindication;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the waakvlam before its agreed end. */
public record EndWaakvlamCommand(
        @TargetAggregateIdentifier String indicationId,
        WaakvlamEndReason reason,
        LocalDate endedOn,
        @PersonalData String grounds) {
}
