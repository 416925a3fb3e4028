package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The intake nominates a registered client as a potential outflower. */
public record StartOutflowTrajectoryCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        LocalDate startedOn) {
}
