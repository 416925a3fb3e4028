package nl.weerthuis.kernel.careindication;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Care is scaled up or down (op-/afschalen), as decided in the three-party meeting. */
public record ScaleIndicationCommand(
        @TargetAggregateIdentifier String indicationId,
        double hoursPerWeek,
        LocalDate scaledOn,
        @PersonalData String grounds) {
}
