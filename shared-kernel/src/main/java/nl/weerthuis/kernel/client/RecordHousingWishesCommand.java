package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the client's search profile: where, how and with whom (UN CRPD art. 19). */
public record RecordHousingWishesCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        @PersonalData String wishes,
        @PersonalData String accessibilityNeeds,
        LocalDate recordedOn) {
}
