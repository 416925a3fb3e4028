package nl.weerthuis.kernel.tenancy;

import java.time.LocalDate;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.privacy.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Early signalling: someone is worried about how the tenancy goes. */
public record RaiseSignalCommand(
        @TargetAggregateIdentifier String tenancyId,
        String signalId,
        SignalKind kind,
        String sourceOrganisation,
        OrganisationType sourceType,
        Severity severity,
        @PersonalData String description,
        LocalDate raisedOn) {
}
