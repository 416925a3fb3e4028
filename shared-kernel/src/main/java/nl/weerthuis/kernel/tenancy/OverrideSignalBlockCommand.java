package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A caseworker decides, with written grounds, that the open high-severity signals do not block the flip. */
public record OverrideSignalBlockCommand(
        @TargetAggregateIdentifier String tenancyId,
        LocalDate decidedOn,
        @PersonalData String grounds) {
}
