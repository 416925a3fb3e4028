package nl.weerthuis.identity;

import nl.weerthuis.kernel.identity.OrganisationId;
import nl.weerthuis.kernel.identity.OrganisationType;
import nl.weerthuis.kernel.identity.Role;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people who can log in, each of one organisation, checked at start against the rules the applications apply
 * to a token's claims: a person whose claims would be refused fails the start, not every request.
 */
final class People implements UserDetailsService {

    private final Map<String, IdentitySettings.Person> byUsername;
    private final Map<String, UserDetails> accounts;

    People(List<IdentitySettings.Person> people, PasswordEncoder passwords) {
        List<IdentitySettings.Person> all = people == null ? List.of() : people;
        all.forEach(People::check);
        this.byUsername = all.stream().collect(Collectors.toMap(IdentitySettings.Person::username, Function.identity()));
        this.accounts = all.stream().collect(Collectors.toMap(IdentitySettings.Person::username, person -> User
                .withUsername(person.username()).password(passwords.encode(person.password()))
                .authorities(AuthorityUtils.NO_AUTHORITIES).build()));
    }

    Optional<IdentitySettings.Person> person(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserDetails account = accounts.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("no such person");
        }
        // A copy: Spring Security erases the password of the one it authenticated.
        return User.withUserDetails(account).build();
    }

    private static void check(IdentitySettings.Person person) {
        if (person.username() == null || person.password() == null || person.password().isBlank()) {
            throw new IllegalStateException("every person needs a username and a password");
        }
        if (!OrganisationId.isValid(person.organisation())) {
            throw new IllegalStateException(person.username() + ": organisation must be an OIN or KvK number");
        }
        OrganisationType.valueOf(person.organisationType());
        if (person.roles() == null || person.roles().isEmpty()) {
            throw new IllegalStateException(person.username() + ": at least one role");
        }
        person.roles().forEach(Role::valueOf);
    }
}
