package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client moves in: the outflow moment. */
public record RecordMoveInCommand(
        @TargetAggregateIdentifier String tenancyId,
        LocalDate movedInOn) {
}
