package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Erase the client's personal data everywhere (crypto-shredding); the anonymous decision trail stays. */
public record ErasePersonalDataCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        ErasureGround ground,
        LocalDate erasedOn) {
}
