package nl.weerthuis.command.client;

import nl.weerthuis.kernel.client.CareSetting;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What other aggregates may know of a client when they take a decision about them (an offer needs an open
 * trajectory with debts stabilised and a request to the offering corporation; an indication is granted by the
 * municipality that registered the client). Kept by the command side itself, from the Client's own events.
 */
public interface ClientRegister {

    Optional<ClientStatus> find(String clientId);

    record ClientStatus(String clientId, CareSetting setting, String region, String municipality,
                        boolean trajectoryOpen, LocalDate trajectoryStartedOn, boolean debtsStabilised,
                        String registeredBy, Set<String> housingRequestedFrom, Set<String> involvedOrganisations) {

        public ClientStatus {
            housingRequestedFrom = Set.copyOf(housingRequestedFrom);
            involvedOrganisations = Set.copyOf(involvedOrganisations);
        }
    }
}
