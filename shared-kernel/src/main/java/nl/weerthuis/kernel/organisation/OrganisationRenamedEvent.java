package nl.weerthuis.kernel.organisation;

import nl.weerthuis.kernel.privacy.NotPersonal;

/** A registered organisation goes by {@code name} from now on; what was recorded under its old name stays. */
public record OrganisationRenamedEvent(
        String organisationId,
        @NotPersonal("the name of an organisation, not of a person") String name) {
}
