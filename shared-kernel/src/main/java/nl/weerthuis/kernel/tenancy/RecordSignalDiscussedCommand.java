package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The signal was discussed with the client ("always in consultation with the resident"). */
public record RecordSignalDiscussedCommand(
        @TargetAggregateIdentifier String tenancyId,
        String signalId,
        LocalDate discussedOn,
        @PersonalData String notes) {
}
