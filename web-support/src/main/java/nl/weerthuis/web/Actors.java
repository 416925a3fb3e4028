package nl.weerthuis.web;

import nl.weerthuis.kernel.identity.Actor;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The actor of a request, taken once from its validated token ({@link TokenRules} made sure the claims are
 * there and well formed). It is the request's principal: controllers take {@code @AuthenticationPrincipal Actor}
 * and never read claims themselves. Authorities for the request rules: {@code ROLE_x} per role, {@code ORG_TYPE_x},
 * and {@link #OPERATOR_ADMIN} for an ADMIN of the operating organisation ({@link OperatorSettings}).
 */
public final class Actors {

    /** An ADMIN of the organisation that operates the system: the only one who may run it. */
    public static final String OPERATOR_ADMIN = "OPERATOR_ADMIN";

    private Actors() {
    }

    public static Actor of(Jwt token) {
        Set<Role> roles = token.getClaimAsStringList("roles").stream().map(Role::valueOf).collect(Collectors.toSet());
        return new Actor(token.getClaimAsString("org"), OrganisationType.valueOf(token.getClaimAsString("org_type")),
                token.getSubject(), roles, token.getClaimAsString("client_id"));
    }

    static AbstractAuthenticationToken authentication(Jwt token, String operator) {
        return new Authenticated(of(token), token, operator);
    }

    /** An authenticated request: the actor as principal, the token as credentials. */
    static final class Authenticated extends AbstractAuthenticationToken {

        private final Actor actor;
        private final Jwt token;

        Authenticated(Actor actor, Jwt token, String operator) {
            super(authorities(actor, operator));
            this.actor = actor;
            this.token = token;
            setAuthenticated(true);
        }

        private static List<GrantedAuthority> authorities(Actor actor, String operator) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            actor.roles().stream().sorted().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
            authorities.add(new SimpleGrantedAuthority("ORG_TYPE_" + actor.organisationType().name()));
            if (actor.hasRole(Role.ADMIN) && operator != null && operator.equals(actor.organisation())) {
                authorities.add(new SimpleGrantedAuthority(OPERATOR_ADMIN));
            }
            return authorities;
        }

        @Override
        public Object getPrincipal() {
            return actor;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public String getName() {
            return actor.person();
        }
    }
}
