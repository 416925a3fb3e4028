package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The client moved into their own home (sent by the journey process on move-in). */
public record RecordOutflowCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        String tenancyId,
        LocalDate movedInOn) {
}
