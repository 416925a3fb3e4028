package nl.weerthuis.kernel.identity;

import java.util.Set;

/** Who acted: the organisation, its type, the person or system ({@code sub}) and the roles they acted in. */
public record Actor(String organisation, OrganisationType organisationType, String person, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
