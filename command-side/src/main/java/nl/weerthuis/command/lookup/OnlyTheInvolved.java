package nl.weerthuis.command.lookup;

import nl.weerthuis.kernel.client.RegisterClientCommand;
import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.privacy.DataSubjects;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The one place that decides whether an organisation may act for a client, for every command on the bus — creates
 * included, so a new endpoint cannot forget it. The client is the one the command names ({@code @DataSubject}) and the
 * one its target aggregate is about; the caller's organisation must be involved with each ({@code InvolvementRules}).
 * To anyone else the client does not exist: the command is refused before any handler runs, so nothing is appended.
 * Exempt are a registration (it is what first involves the registering municipality) and commands the journey process
 * sends in reaction to events, which were themselves checked when they were caused.
 */
@Component
public class OnlyTheInvolved implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Involvement involvement;
    private final CommandTargetResolver targets;

    OnlyTheInvolved(Involvement involvement, CommandTargetResolver targets, CommandBus commandBus) {
        this.involvement = involvement;
        this.targets = targets;
        commandBus.registerDispatchInterceptor(this);
    }

    /** Refused because the caller's organisation is not (or no longer) involved with the client. */
    public static class NotInvolved extends AggregateNotFoundException {
        NotInvolved(String identifier) {
            super(identifier, "no such resource for this organisation");
        }
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            if (sentByTheJourneyItself()) {
                return command.andMetaData(java.util.Map.of(MetadataKeys.SENT_BY_THE_JOURNEY, true));
            }
            check(command);
            return command.withMetaData(command.getMetaData().withoutKeys(Set.of(MetadataKeys.SENT_BY_THE_JOURNEY)));
        };
    }

    private void check(CommandMessage<?> command) {
        if (command.getPayload() instanceof RegisterClientCommand) {
            return;
        }
        String target = targetOf(command);
        Object actor = command.getMetaData().get(MetadataKeys.ACTOR_ORGANISATION);
        if (!(actor instanceof String organisation)) {
            throw new NotInvolved(target); // nobody acts anonymously
        }
        Set<String> clients = new LinkedHashSet<>();
        String named = DataSubjects.of(command.getPayload());
        if (named != null) {
            clients.add(named);
        }
        if (target != null) {
            involvement.clientOf(target).ifPresent(clients::add);
        }
        for (String client : clients) {
            if (!involvement.of(client).involves(organisation)) {
                throw new NotInvolved(target == null ? client : target);
            }
        }
    }

    private String targetOf(CommandMessage<?> command) {
        try {
            return String.valueOf(targets.resolveTarget(command).getIdentifier());
        } catch (IllegalArgumentException noTarget) {
            return null;
        }
    }

    private static boolean sentByTheJourneyItself() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof EventMessage;
    }
}
