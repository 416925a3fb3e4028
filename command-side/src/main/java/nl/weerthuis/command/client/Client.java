package nl.weerthuis.command.client;

import nl.weerthuis.kernel.client.CareSetting;
import nl.weerthuis.kernel.client.ClientRegisteredEvent;
import nl.weerthuis.kernel.client.RegisterClientCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person on their way out of BW or MO. The central intake registers them; the rest of the journey hangs off
 * this aggregate. Registered through {@link ClientConfiguration}, so the class itself knows nothing of Spring.
 */
public class Client {

    @AggregateIdentifier
    private String clientId;
    private CareSetting setting;

    protected Client() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Client(RegisterClientCommand command) {
        apply(new ClientRegisteredEvent(command.clientId(), command.setting(), command.facility(), command.region(),
                command.municipality(), command.careProvider(), command.registeredOn()));
    }

    @EventSourcingHandler
    void on(ClientRegisteredEvent event) {
        clientId = event.clientId();
        setting = event.setting();
    }
}
