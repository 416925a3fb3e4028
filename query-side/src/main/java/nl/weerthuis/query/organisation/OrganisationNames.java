package nl.weerthuis.query.organisation;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names of organisations by their number (OIN or KvK), so that pages and histories show a name next to the
 * number. The organisation register (issue 17) provides it; a reader that finds no bean, or no name, shows the number.
 */
public interface OrganisationNames {

    Optional<String> nameOf(String organisationId);

    /** The names of those of the organisations that have one, by number (a number without a name is left out). */
    default Map<String, String> namesOf(Collection<String> organisationIds) {
        Map<String, String> names = new HashMap<>();
        organisationIds.forEach(id -> nameOf(id).ifPresent(name -> names.put(id, name)));
        return names;
    }
}
