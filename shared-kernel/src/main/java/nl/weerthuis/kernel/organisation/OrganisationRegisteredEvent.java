package nl.weerthuis.kernel.organisation;

import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.privacy.NotPersonal;

import java.util.List;

/** An organisation was entered into the register: its number, name, kind and the regions it works in. */
public record OrganisationRegisteredEvent(
        String organisationId,
        @NotPersonal("the name of an organisation, not of a person") String name,
        OrganisationType type,
        @NotPersonal("regions of municipalities") List<String> regions) {
}
