package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client withdraws a consent; sharing that relied on it stops. */
public record WithdrawConsentCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        String receivingOrganisation,
        String purpose,
        LocalDate withdrawnOn) {
}
