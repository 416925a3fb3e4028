package nl.weerthuis.command.journey;

import nl.weerthuis.kernel.privacy.DataSubjects;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * A journey combines the events of one client's Client, Tenancy and CareIndication aggregates, so all of them go to
 * one segment of the journey processor, in order. Axon's default (per aggregate) would spread one journey over
 * several segments: with two command-side instances, two segments held by different instances could load the same
 * journey at once and the later save would erase the earlier's change (the saga store has no version check), and
 * even on one instance a tenancy's end could be handled before the trajectory it closes was seen.
 */
final class OneJourneyOneSegment implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        String client = DataSubjects.of(event.getPayload());
        return client != null ? client : SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
