package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The coordination point withdraws its request to a corporation (it will not offer, or another one will). */
public record WithdrawHousingRequestCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        String corporation,
        LocalDate withdrawnOn) {
}
