package nl.weerthuis.kernel.agreement;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partners change the rules from a date on; decisions before that date keep the old version. */
public record AmendPolicyCommand(
        @TargetAggregateIdentifier String agreementId,
        LocalDate effectiveFrom,
        AgreementPolicy policy,
        String grounds) {
}
