package nl.weerthuis.kernel.careindication;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The indication ends. When the client can live independently a waakvlam starts, unless declined with grounds. */
public record EndIndicationCommand(
        @TargetAggregateIdentifier String indicationId,
        IndicationEndReason reason,
        LocalDate endedOn,
        @PersonalData String grounds,
        @PersonalData String waakvlamDeclinedGrounds) {
}
