package nl.weerthuis.kernel.eventstore;

import org.axonframework.serialization.upcasting.event.EventTypeUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

import java.util.List;

/**
 * Every event class that was renamed after events of it were stored. A stored event keeps the name it was written
 * under forever (its bytes are hash-chained), so a rename is never an edit of the store: it is an entry here, which
 * both applications read through as an upcaster, so aggregates, projections and the decision history all see the
 * event under its current name. Field renames are {@code @JsonAlias} on the record; a changed meaning is a new event.
 */
public final class EventRenames {

    /** A class stored as {@code formerType} (at {@code revision}, null when unversioned) is now {@code current}. */
    public record Rename(String formerType, String revision, Class<?> current) {
    }

    /** Oldest first. Renaming an event class: add its former fully qualified name here, in the same commit. */
    public static final List<Rename> ALL = List.of();

    private EventRenames() {
    }

    /** The upcaster both applications register (as a Spring bean, which Axon adds to its upcaster chain). */
    public static EventUpcaster upcasters() {
        return upcasters(ALL);
    }

    public static EventUpcaster upcasters(List<Rename> renames) {
        return new EventUpcasterChain(renames.stream().map(EventRenames::upcaster).toList());
    }

    public static EventUpcaster upcaster(Rename rename) {
        return new EventTypeUpcaster(rename.formerType(), rename.revision(), rename.current().getName(), rename.revision());
    }
}
