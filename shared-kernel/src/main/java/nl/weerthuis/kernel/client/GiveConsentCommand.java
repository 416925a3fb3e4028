package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client consents to sharing with one organisation for one purpose. */
public record GiveConsentCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        String receivingOrganisation,
        String purpose,
        LocalDate givenOn) {
}
