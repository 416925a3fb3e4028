package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The offer is refused; an exception that needs grounds. */
public record RefuseOfferCommand(
        @TargetAggregateIdentifier String tenancyId,
        LocalDate refusedOn,
        @PersonalData String grounds) {
}
