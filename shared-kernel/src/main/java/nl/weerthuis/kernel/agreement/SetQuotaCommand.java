package nl.weerthuis.kernel.agreement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A corporation reserves a number of dwellings (contingent) for outflow in a year. */
public record SetQuotaCommand(
        @TargetAggregateIdentifier String agreementId,
        String corporation,
        int year,
        int dwellings) {
}
