package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Plans the flip for a date within the agreed term. */
public record ScheduleFlipCommand(
        @TargetAggregateIdentifier String tenancyId,
        LocalDate plannedOn) {
}
