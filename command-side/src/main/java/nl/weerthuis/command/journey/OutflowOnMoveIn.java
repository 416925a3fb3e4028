package nl.weerthuis.command.journey;

import nl.weerthuis.kernel.client.RecordOutflowCommand;
import nl.weerthuis.kernel.tenancy.MovedInEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A move-in is the client's outflow, recorded on the client in the same unit of work (and transaction) as the
 * move-in itself: once the move-in is answered, the client is housed, so a monitoring review or a return to care
 * sent right after finds it so. Were it left to the asynchronous journey process, the caller's next command would
 * race it (422 CLIENT_NOT_HOUSED). A move-in whose outflow is refused is refused as a whole.
 */
@Component
@ProcessingGroup(JourneyConfiguration.CONSEQUENCES)
class OutflowOnMoveIn {

    private final CommandGateway commands;

    OutflowOnMoveIn(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(MovedInEvent event) {
        commands.sendAndWait(new RecordOutflowCommand(event.clientId(), event.tenancyId(), event.movedInOn()));
    }
}
