package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The tenancy ends: moved, eviction, returned to care or deceased. */
public record EndTenancyCommand(
        @TargetAggregateIdentifier String tenancyId,
        TenancyEndReason reason,
        LocalDate endedOn,
        @PersonalData String grounds) {
}
