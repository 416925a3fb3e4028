package nl.weerthuis.query.eventsource;

/**
 * Called before the next generation of a read model handles each event, inside its transaction. Open in the
 * application; a test holds it to watch a rebuild half-way, deterministically.
 */
@FunctionalInterface
public interface RebuildGate {

    RebuildGate OPEN = readModel -> {
    };

    void beforeEvent(String readModel) throws InterruptedException;
}
