package nl.weerthuis.kernel.organisation;

import nl.weerthuis.kernel.privacy.NotPersonal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A registered organisation goes by another name from now on (a merger, a new name); its number stays. */
public record RenameOrganisationCommand(
        @TargetAggregateIdentifier String organisationId,
        @NotPersonal("the name of an organisation, not of a person") String name) {
}
