package nl.weerthuis.kernel.careindication;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The neighbourhood team had its waakvlam contact with the client. */
public record RecordWaakvlamContactCommand(
        @TargetAggregateIdentifier String indicationId,
        LocalDate contactOn,
        @PersonalData String notes) {
}
