package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The signal is taken up. */
public record AcknowledgeSignalCommand(
        @TargetAggregateIdentifier String tenancyId,
        String signalId,
        LocalDate acknowledgedOn) {
}
