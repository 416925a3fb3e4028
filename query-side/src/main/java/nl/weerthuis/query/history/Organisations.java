package nl.weerthuis.query.history;

import nl.weerthuis.query.organisation.OrganisationNames;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

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

    /** Looks each number up once: one history names the same few organisations many times. */
    Naming naming() {
        OrganisationNames register = names.getIfAvailable();
        Map<String, String> named = new HashMap<>();
        return number -> number == null ? null : named.computeIfAbsent(number, n -> register == null ? n
                : register.nameOf(n).filter(name -> !name.isBlank()).map(name -> name + " (" + n + ")").orElse(n));
    }

    @FunctionalInterface
    interface Naming {
        String of(String organisationNumber);
    }
}
