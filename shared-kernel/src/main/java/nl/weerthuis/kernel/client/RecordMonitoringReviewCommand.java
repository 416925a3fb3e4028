package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The parties reviewed how the client is doing. */
public record RecordMonitoringReviewCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        LocalDate reviewedOn,
        @PersonalData String outcome) {
}
