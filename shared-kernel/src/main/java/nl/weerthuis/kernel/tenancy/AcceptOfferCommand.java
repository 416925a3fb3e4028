package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client accepts the offered dwelling. */
public record AcceptOfferCommand(
        @TargetAggregateIdentifier String tenancyId,
        LocalDate acceptedOn) {
}
