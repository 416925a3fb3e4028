package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The omklap: the lease goes to the client's own name. */
public record FlipContractCommand(
        @TargetAggregateIdentifier String tenancyId,
        LocalDate flippedOn,
        @PersonalData String grounds) {
}
