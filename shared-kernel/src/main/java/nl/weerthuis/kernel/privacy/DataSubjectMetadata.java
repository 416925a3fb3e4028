package nl.weerthuis.kernel.privacy;

import nl.weerthuis.kernel.identity.MetadataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Writes each event's data subject into its metadata on its way into the store, while the payload is still an
 * object: readers then sequence a client's events by that entry instead of decoding every payload.
 */
public final class DataSubjectMetadata implements MessageDispatchInterceptor<EventMessage<?>> {

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            String subject = DataSubjects.of(message.getPayload());
            return subject == null || message.getMetaData().containsKey(MetadataKeys.DATA_SUBJECT) ? message
                    : message.andMetaData(Map.of(MetadataKeys.DATA_SUBJECT, subject));
        };
    }
}
