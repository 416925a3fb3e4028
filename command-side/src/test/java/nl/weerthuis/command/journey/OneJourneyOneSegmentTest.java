package nl.weerthuis.command.journey;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event the journey handles, whichever aggregate it comes from, goes to the segment of its client's journey. */
class OneJourneyOneSegmentTest {

    private static final String CLIENT = "client-7";

    @Test
    void every_event_of_a_journey_is_sequenced_by_its_client_not_by_its_aggregate() throws Exception {
        List<Class<?>> handled = Arrays.stream(JourneyProcess.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(SagaEventHandler.class))
                .map(method -> method.getParameterTypes()[0]).distinct().toList();
        assertThat(handled).hasSizeGreaterThan(5);
        OneJourneyOneSegment policy = new OneJourneyOneSegment();
        for (Class<?> type : handled) {
            Object event = withClient(type);
            var message = new GenericDomainEventMessage<>("Aggregate", "aggregate-of-" + type.getSimpleName(), 3, event);
            assertThat(policy.getSequenceIdentifierFor(message)).as(type.getSimpleName()).isEqualTo(CLIENT);
        }
    }

    private static Object plain(Class<?> type) {
        if (type == String.class) {
            return "x";
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 1, 5);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        // A primitive's default (false, 0), read from a fresh array of it.
        return type.isPrimitive() ? java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0) : null;
    }

    /** An instance of the event record naming {@link #CLIENT}, every other component a plain value. */
    private static Object withClient(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> component = components[i].getType();
            values[i] = components[i].getName().equals("clientId") ? CLIENT : plain(component);
        }
        return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
                .newInstance(values);
    }
}
