package nl.weerthuis.kernel.organisation;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.privacy.NotPersonal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The operator's administrator enters an organisation into the register under its number (OIN or KvK), which is
 * its identity here as in every token and event: one number, one organisation.
 */
public record RegisterOrganisationCommand(
        @TargetAggregateIdentifier String organisationId,
        @NotPersonal("the name of an organisation, not of a person") String name,
        OrganisationType type,
        @NotPersonal("regions of municipalities") List<String> regions) {
}
