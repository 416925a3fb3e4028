package nl.weerthuis.query.organisation;

import java.util.Optional;

/**
 * The names of organisations by their number (OIN or KvK), so that pages and histories show a name next to the
 * number. The organisation register (issue 17) provides it; a reader that finds no bean, or no name, shows the number.
 */
public interface OrganisationNames {

    Optional<String> nameOf(String organisationId);
}
