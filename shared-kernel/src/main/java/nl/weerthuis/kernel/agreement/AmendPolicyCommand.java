package nl.weerthuis.kernel.agreement;

import nl.weerthuis.kernel.privacy.NotPersonal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The partners change the rules from a date on; decisions before that date keep the old version. */
public record AmendPolicyCommand(
        @TargetAggregateIdentifier String agreementId,
        LocalDate effectiveFrom,
        AgreementPolicy policy,
        @NotPersonal("grounds of a regional policy, about the region and not about a client") String grounds) {
}
