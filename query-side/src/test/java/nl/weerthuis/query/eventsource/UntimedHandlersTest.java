package nl.weerthuis.query.eventsource;

import nl.weerthuis.query.support.EventStoreFixture;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMember;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon would time every event handler invocation on its own — a capture of the thread's whole stack and a scheduled
 * interrupt, per event and handler — where a processor's batch already has its limit as one unit of work. The
 * projections' handlers run untimed (see application.yml).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(EventStoreFixture.class)
class UntimedHandlersTest {

    @Autowired
    HandlerTimeoutHandlerEnhancerDefinition timeouts;

    static class Projection {
        @EventHandler
        void on(String event) {
        }
    }

    @Test
    void an_event_handler_is_not_wrapped_in_a_timer_of_its_own() throws Exception {
        MessageHandlingMember<Projection> handler = new AnnotatedMessageHandlingMember<>(
                Projection.class.getDeclaredMethod("on", String.class), EventMessage.class, String.class,
                ClasspathParameterResolverFactory.forClass(Projection.class));
        assertThat(timeouts.wrapHandler(handler)).isSameAs(handler);
    }
}
