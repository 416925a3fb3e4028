package nl.weerthuis.kernel.organisation;

import nl.weerthuis.kernel.identity.OrganisationType;

/** A registered organisation is of another kind from now on. */
public record OrganisationTypeChangedEvent(
        String organisationId,
        OrganisationType type) {
}
