package nl.weerthuis.kernel.identity;

import java.util.Set;

/**
 * Who acted: the organisation, its type, the person or system ({@code sub}) and the roles they acted in; for a
 * client reading their own data, which client they are ({@code clientId}, null for everyone else).
 */
public record Actor(String organisation, OrganisationType organisationType, String person, Set<Role> roles,
                    String clientId) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** A client acting for themself. */
    public boolean isClient(String client) {
        return hasRole(Role.CLIENT) && client != null && client.equals(clientId);
    }
}
