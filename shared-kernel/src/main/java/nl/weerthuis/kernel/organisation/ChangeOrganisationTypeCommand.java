package nl.weerthuis.kernel.organisation;

import nl.weerthuis.kernel.identity.OrganisationType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A registered organisation was entered as the wrong kind, or its role in the partnership changed. */
public record ChangeOrganisationTypeCommand(
        @TargetAggregateIdentifier String organisationId,
        OrganisationType type) {
}
