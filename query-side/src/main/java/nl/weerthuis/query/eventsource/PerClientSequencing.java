package nl.weerthuis.query.eventsource;

import nl.weerthuis.kernel.identity.MetadataKeys;
import nl.weerthuis.kernel.privacy.DataSubjects;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * A client's events are handled in order by one segment, across all their aggregates (client, tenancy, care
 * indication): projections that keep one row per client never race themselves across segments. The client is read
 * from the event's metadata, so the coordinator never decodes (or decrypts) a payload to place it; only events
 * stored before the command side wrote that entry are decoded for it.
 */
final class PerClientSequencing implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object subject = event.getMetaData().get(MetadataKeys.DATA_SUBJECT);
        if (subject != null) {
            return subject.toString();
        }
        String client = DataSubjects.of(event.getPayload());
        return client != null ? client : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
