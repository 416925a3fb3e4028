package nl.weerthuis.query.history;

import nl.weerthuis.query.organisation.OrganisationNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An organisation as a history shows it: its name and number ("Woonbedrijf Almelo (12345678)"), or only its number
 * where the organisation register is not there or does not know it. Names are looked up once per history.
 */
@Component
class Organisations {

    private final ObjectProvider<OrganisationNames> names;

    Organisations(ObjectProvider<OrganisationNames> names) {
        this.names = names;
    }

    /**
     * Looks each number up once: one history names the same few organisations many times. Those it is known to name
     * are looked up together, in one query; any other the first time it is asked for.
     */
    Naming naming(Collection<String> known) {
        OrganisationNames register = names.getIfAvailable();
        Map<String, String> named = new HashMap<>();
        if (register != null && !known.isEmpty()) {
            Map<String, String> found = register.namesOf(known);
            known.forEach(number -> named.put(number, shown(number, Optional.ofNullable(found.get(number)))));
        }
        return number -> number == null ? null : named.computeIfAbsent(number, n -> register == null ? n
                : shown(n, register.nameOf(n)));
    }

    private static String shown(String number, Optional<String> name) {
        return name.filter(n -> !n.isBlank()).map(n -> n + " (" + number + ")").orElse(number);
    }

    @FunctionalInterface
    interface Naming {
        String of(String organisationNumber);
    }
}
