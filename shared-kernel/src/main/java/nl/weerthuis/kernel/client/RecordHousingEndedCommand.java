package nl.weerthuis.kernel.client;

import java.time.LocalDate;
import nl.weerthuis.kernel.privacy.DataSubject;
import nl.weerthuis.kernel.tenancy.TenancyEndReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The journey process reports that the tenancy the client lived in has ended (moved, eviction, deceased). */
public record RecordHousingEndedCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        String tenancyId,
        TenancyEndReason reason,
        LocalDate endedOn) {
}
