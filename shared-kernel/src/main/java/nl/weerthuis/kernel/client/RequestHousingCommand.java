package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The coordination point (the client's municipality, or the holder of procesregie) asks a named corporation for a
 * dwelling from its contingent. Only a corporation asked may offer one.
 */
public record RequestHousingCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        String corporation,
        LocalDate requestedOn) {
}
