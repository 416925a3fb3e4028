package nl.weerthuis.query.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The state of one aggregate as its events up to an instant made it: a fold over typed events (each handler is
 * registered for its event class, so a renamed or reordered event folds the same), shown as readable facts.
 * Pure: no store, no clock.
 */
abstract class StateFold {

    /** One readable fact: "Lease holder" — "the client". */
    public record Fact(String label, String value) {
    }

    private final Map<Class<?>, Consumer<Object>> handlers = new HashMap<>();
    private final String aggregateIdentifier;
    private boolean folded;

    StateFold(String aggregateIdentifier) {
        this.aggregateIdentifier = aggregateIdentifier;
    }

    protected final <E> void on(Class<E> type, Consumer<? super E> handler) {
        handlers.put(type, event -> handler.accept(type.cast(event)));
    }

    final void apply(Object event) {
        Consumer<Object> handler = handlers.get(event.getClass());
        if (handler != null) {
            handler.accept(event);
            folded = true;
        }
    }

    /** Whether any event made this state (an aggregate without events up to the instant has none). */
    final boolean folded() {
        return folded;
    }

    final String aggregateIdentifier() {
        return aggregateIdentifier;
    }

    abstract String aggregateType();

    abstract String title();

    abstract List<Fact> facts(Organisations.Naming names);

    static void add(List<Fact> facts, String label, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            facts.add(new Fact(label, String.valueOf(value)));
        }
    }

    static List<Fact> facts() {
        return new ArrayList<>();
    }
}
