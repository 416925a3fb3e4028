package nl.weerthuis.command.privacy;

import nl.weerthuis.command.lookup.LookupConfiguration;
import nl.weerthuis.kernel.client.PersonalDataErasedEvent;
import nl.weerthuis.kernel.privacy.PersonalDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes the client's key in the transaction that records {@link PersonalDataErasedEvent} (the subscribing
 * lookup processor): the erasure is recorded if and only if the key is gone.
 */
@Component
@ProcessingGroup(LookupConfiguration.GROUP)
class PersonalDataErasure {

    private final PersonalDataKeys keys;

    PersonalDataErasure(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonalDataErasedEvent event) {
        keys.erase(event.clientId());
    }
}
