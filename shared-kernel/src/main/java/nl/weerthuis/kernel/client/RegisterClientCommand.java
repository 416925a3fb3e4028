package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The central intake registers a client in BW or MO at a facility in a region. Carries no name or BSN: those
 * are personal data and are recorded encrypted, separately (right to erasure).
 */
public record RegisterClientCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        CareSetting setting,
        String facility,
        String region,
        String municipality,
        String careProvider,
        LocalDate registeredOn) {
}
