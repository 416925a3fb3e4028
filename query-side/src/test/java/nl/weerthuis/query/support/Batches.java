package nl.weerthuis.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;

/** Events handed to projections as a processor hands them: in batches, each batch one unit of work. */
public final class Batches {

    private Batches() {
    }

    /** Batches of 1 to {@code largest} events; a batch that fails fails the test. */
    public static void feed(List<AnnotationEventHandlerAdapter> handlers, List<EventMessage<?>> events, Random random,
                            int largest) {
        LinkedList<EventMessage<?>> left = new LinkedList<>(events);
        while (!left.isEmpty()) {
            int size = 1 + random.nextInt(largest);
            List<EventMessage<?>> batch = new ArrayList<>();
            while (batch.size() < size && !left.isEmpty()) {
                batch.add(left.removeFirst());
            }
            var result = new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
                EventMessage<?> event = (EventMessage<?>) CurrentUnitOfWork.get().getMessage();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                    }
                }
                return null;
            });
            if (result.isExceptional()) {
                throw new AssertionError("a batch failed to write", result.exceptionResult());
            }
        }
    }
}
