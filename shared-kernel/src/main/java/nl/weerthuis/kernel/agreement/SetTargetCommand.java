package nl.weerthuis.kernel.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The region states its outflow ambition: a number of outflows by a date. */
public record SetTargetCommand(
        @TargetAggregateIdentifier String agreementId,
        int outflows,
        LocalDate targetDate) {
}
