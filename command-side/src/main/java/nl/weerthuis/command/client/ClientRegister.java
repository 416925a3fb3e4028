package nl.weerthuis.command.client;

import nl.weerthuis.kernel.client.CareSetting;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What other aggregates may know of a client when they take a decision about them (an offer needs an open
 * trajectory with debts stabilised). Kept by the command side itself, from the Client's own events.
 */
public interface ClientRegister {

    Optional<ClientStatus> find(String clientId);

    record ClientStatus(String clientId, CareSetting setting, String region, String municipality,
                        boolean trajectoryOpen, LocalDate trajectoryStartedOn, boolean debtsStabilised) {
    }
}
