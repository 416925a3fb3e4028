package nl.weerthuis.command.support;

import nl.weerthuis.kernel.identity.MetadataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Map;

/** Sends a command as an organisation would through the web layer: with that organisation as its actor. */
public final class Acting {

    private Acting() {
    }

    public static <R> R send(CommandGateway commands, String organisation, Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetadataKeys.ACTOR_ORGANISATION, organisation)));
    }
}
