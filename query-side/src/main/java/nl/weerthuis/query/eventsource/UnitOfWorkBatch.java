package nl.weerthuis.query.eventsource;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The rows a projection writes, gathered over its processor's batch (one unit of work, one transaction) and written
 * with one statement when that commits, together with the batch's token. When that statement fails (a row the read
 * store cannot hold), the batch rolls back, and when its events come again each one's row is written at once, within
 * its own handler's savepoint: only the event at fault is parked, the rest of the batch commits. Other batches (other
 * segments) keep writing in bulk meanwhile.
 */
public final class UnitOfWorkBatch<R> {

    private final String resource;
    private final Consumer<List<R>> write;
    /** Events of a batch whose statement failed: written one by one when handled again. */
    private final Set<String> oneByOne = ConcurrentHashMap.newKeySet();

    public UnitOfWorkBatch(String name, Consumer<List<R>> write) {
        this.resource = UnitOfWorkBatch.class.getName() + "/" + name;
        this.write = write;
    }

    public void add(R row) {
        if (!CurrentUnitOfWork.isStarted()) {
            write.accept(List.of(row));
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        String event = current.getMessage().getIdentifier();
        UnitOfWork<?> batch = current.root();
        if (oneByOne.contains(event)) {
            write.accept(List.of(row));
            batch.afterCommit(u -> oneByOne.remove(event));
            return;
        }
        Gathered<R> gathered = batch.getOrComputeResource(resource, key -> {
            Gathered<R> rows = new Gathered<>(new ArrayList<>(), new ArrayList<>());
            batch.onPrepareCommit(u -> flush(rows));
            return rows;
        });
        gathered.rows().add(row);
        gathered.events().add(event);
    }

    private void flush(Gathered<R> gathered) {
        try {
            write.accept(gathered.rows());
        } catch (RuntimeException e) {
            oneByOne.addAll(gathered.events());
            throw e;
        }
    }

    private record Gathered<R>(List<R> rows, List<String> events) {
    }
}
