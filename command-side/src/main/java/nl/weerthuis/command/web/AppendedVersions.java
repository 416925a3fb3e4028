package nl.weerthuis.command.web;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The version each aggregate reached through the events one request's own unit of work appended, as they pass the
 * event bus on their way into the store: an ETag that cannot be a later writer's. Commands are handled on the
 * calling thread (Axon's simple command bus), so the request's thread sees exactly its own events.
 */
@Configuration
class AppendedVersions implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final ThreadLocal<Map<String, Long>> RECORDING = new ThreadLocal<>();

    /** What {@code action} returned, and the last sequence number it appended per aggregate. */
    record Outcome<T>(T result, Map<String, Long> versions) {
    }

    static <T> Outcome<T> recording(Supplier<T> action) {
        Map<String, Long> outer = RECORDING.get();
        Map<String, Long> versions = new HashMap<>();
        RECORDING.set(versions);
        try {
            return new Outcome<>(action.get(), versions);
        } finally {
            RECORDING.set(outer);
        }
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            Map<String, Long> versions = RECORDING.get();
            if (versions != null && message instanceof DomainEventMessage<?> appended) {
                versions.merge(appended.getAggregateIdentifier(), appended.getSequenceNumber(), Math::max);
            }
            return message;
        };
    }

    @Bean
    ConfigurerModule recordAppendedVersions() {
        return configurer -> configurer.onInitialize(config -> config.onStart(Integer.MIN_VALUE,
                () -> config.eventBus().registerDispatchInterceptor(this)));
    }
}
