package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One of the three parties approves the flip. */
public record ApproveFlipCommand(
        @TargetAggregateIdentifier String tenancyId,
        FlipParty party,
        LocalDate approvedOn) {
}
