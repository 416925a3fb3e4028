package nl.weerthuis.kernel.organisation;

import nl.weerthuis.kernel.privacy.NotPersonal;

import java.util.List;

/** A registered organisation works in {@code regions} from now on (the whole list). */
public record OrganisationRegionsChangedEvent(
        String organisationId,
        @NotPersonal("regions of municipalities") List<String> regions) {
}
