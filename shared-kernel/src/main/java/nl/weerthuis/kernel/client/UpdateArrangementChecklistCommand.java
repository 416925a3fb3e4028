package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records which arrangements for independent living are in place. */
public record UpdateArrangementChecklistCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        ArrangementChecklist checklist,
        LocalDate updatedOn) {
}
