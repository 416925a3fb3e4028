package nl.weerthuis.kernel.careindication;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The indication runs longer than granted. */
public record ExtendIndicationCommand(
        @TargetAggregateIdentifier String indicationId,
        LocalDate validUntil,
        @PersonalData String grounds) {
}
