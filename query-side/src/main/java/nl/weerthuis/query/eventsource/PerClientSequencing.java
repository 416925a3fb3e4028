package nl.weerthuis.query.eventsource;

import nl.weerthuis.kernel.privacy.DataSubjects;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * A client's events are handled in order by one segment, across all their aggregates (client, tenancy, care
 * indication): projections that keep one row per client never race themselves across segments.
 */
final class PerClientSequencing implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        String client = DataSubjects.of(event.getPayload());
        return client != null ? client : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
