package nl.weerthuis.kernel.organisation;

import nl.weerthuis.kernel.privacy.NotPersonal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** The regions a registered organisation works in, as a whole (the new list replaces the old one). */
public record ChangeOrganisationRegionsCommand(
        @TargetAggregateIdentifier String organisationId,
        @NotPersonal("regions of municipalities") List<String> regions) {
}
