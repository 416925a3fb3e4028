package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Independent living did not work out: the client returns to BW or MO. */
public record RecordReturnToCareCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        CareSetting setting,
        LocalDate returnedOn,
        @PersonalData String grounds) {
}
