package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The lease is signed in the offered lease form. */
public record StartTenancyCommand(
        @TargetAggregateIdentifier String tenancyId,
        LocalDate startsOn) {
}
