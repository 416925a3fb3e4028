package nl.weerthuis.kernel.client;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.privacy.DataSubject;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The municipality gives procesregie (case coordination) for a client to an organisation, often the wijkteam. */
public record AssignCaseCoordinationCommand(
        @TargetAggregateIdentifier @DataSubject String clientId,
        String organisation,
        OrganisationType organisationType,
        LocalDate assignedOn) {
}
