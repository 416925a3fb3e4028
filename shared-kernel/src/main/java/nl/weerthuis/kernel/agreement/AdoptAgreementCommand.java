package nl.weerthuis.kernel.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partners in a region adopt their covenant: the first version of its rules. */
public record AdoptAgreementCommand(
        @TargetAggregateIdentifier String agreementId,
        String region,
        String name,
        LocalDate effectiveFrom,
        AgreementPolicy policy) {
}
