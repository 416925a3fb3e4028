package nl.weerthuis.query.eventsource;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the events a read model handled, per type, in {@code handled_event_count}, written in the batch's own
 * transaction just before it commits with the processor's token: a batch that rolls back (an instance killed, a claim
 * lost) counts nothing, one that commits counts each of its events once. Where every read model is idempotent by
 * design (rows keyed by client or event), this is what shows an event handled twice — by two instances holding one
 * segment, say — as a count above the store's.
 */
final class HandledEvents implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String COUNTS = HandledEvents.class.getName();

    private final String processor;
    private final String instance;
    private final JdbcTemplate jdbc;

    HandledEvents(String processor, String instance, JdbcTemplate jdbc) {
        this.processor = processor;
        this.instance = instance;
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object result = interceptorChain.proceed();
        UnitOfWork<?> batch = unitOfWork.root();
        Map<String, Long> counts = batch.getOrComputeResource(COUNTS, key -> {
            Map<String, Long> perType = new HashMap<>();
            batch.onPrepareCommit(committing -> store(perType));
            return perType;
        });
        counts.merge(unitOfWork.getMessage().getPayloadType().getName(), 1L, Long::sum);
        return result;
    }

    private void store(Map<String, Long> perType) {
        // In one order for every batch: segments of one processor upsert the same few rows, and two batches taking
        // them in different orders deadlocked each other (and were handled again) while catching up.
        List<Object[]> rows = perType.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(count -> new Object[]{instance, processor, count.getKey(), count.getValue()}).toList();
        jdbc.batchUpdate("""
                INSERT INTO handled_event_count (node_id, processor_name, payload_type, handled) VALUES (?, ?, ?, ?)
                ON CONFLICT (node_id, processor_name, payload_type)
                DO UPDATE SET handled = handled_event_count.handled + excluded.handled""", rows);
    }
}
