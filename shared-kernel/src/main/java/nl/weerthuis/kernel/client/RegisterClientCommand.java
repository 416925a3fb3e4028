package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * The central intake registers a client in BW or MO at a facility in a region, with their personal details
 * (optional; stored encrypted with the client's own key, see {@link PersonalDetails}).
 */
public record RegisterClientCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        CareSetting setting,
        String facility,
        String region,
        String municipality,
        String careProvider,
        LocalDate registeredOn,
        PersonalDetails personalDetails) {
}
