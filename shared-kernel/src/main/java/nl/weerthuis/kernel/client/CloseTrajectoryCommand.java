package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes the client's open outflow trajectory. */
public record CloseTrajectoryCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        TrajectoryClosure reason,
        LocalDate closedOn,
        @PersonalData String grounds) {
}
