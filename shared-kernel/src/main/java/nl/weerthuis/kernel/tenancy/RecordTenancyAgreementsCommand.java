package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records what the parties agreed with the client (pay the rent, open the door for support, ...). */
public record RecordTenancyAgreementsCommand(
        @TargetAggregateIdentifier String tenancyId,
        @PersonalData String agreements,
        LocalDate recordedOn) {
}
