package nl.weerthuis.query.eventsource;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection writes, gathered in memory over its processor's batch (one unit of work, one transaction) and
 * written when that commits, together with the batch's token: the rows of a batch, or its {@link RowChanges}. The
 * handlers feeding it run no SQL per event, so they need no savepoint of their own ({@link WritesPerUnitOfWork}).
 * When the write fails (a row the read store cannot hold), the batch rolls back, and when its events come again each
 * one's change is written at once, alone, within a savepoint: only the event at fault is parked, the rest of the
 * batch commits. Other batches (other segments) keep writing in bulk meanwhile.
 */
public final class UnitOfWorkBatch<C> {

    private final String resource;
    private final Supplier<C> gathering;
    private final Consumer<C> write;
    private final TransactionTemplate savepoint;
    /** Events of a batch whose write failed: written one by one when handled again. */
    private final Set<String> oneByOne = ConcurrentHashMap.newKeySet();

    /** {@code gathering}: a new, empty gathering; {@code write}: writes one (in the batch's transaction). */
    public UnitOfWorkBatch(String name, Supplier<C> gathering, Consumer<C> write, PlatformTransactionManager transactions) {
        this.resource = UnitOfWorkBatch.class.getName() + "/" + name;
        this.gathering = gathering;
        this.write = write;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Rows gathered in a list, written by {@code write}. */
    public static <R> UnitOfWorkBatch<List<R>> ofRows(String name, Consumer<List<R>> write,
                                                      PlatformTransactionManager transactions) {
        return new UnitOfWorkBatch<>(name, ArrayList::new, write, transactions);
    }

    /** Adds one event's change. It must not fail halfway: gather what it needs from the event first. */
    public void add(Consumer<C> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            alone(change);
            return;
        }
        UnitOfWork<?> current = CurrentUnitOfWork.get();
        String event = current.getMessage().getIdentifier();
        UnitOfWork<?> batch = current.root();
        if (oneByOne.contains(event)) {
            alone(change);
            batch.afterCommit(u -> oneByOne.remove(event));
            return;
        }
        Gathered<C> gathered = batch.getOrComputeResource(resource, key -> {
            Gathered<C> changes = new Gathered<>(gathering.get(), new ArrayList<>());
            batch.onPrepareCommit(u -> flush(changes));
            return changes;
        });
        change.accept(gathered.changes());
        gathered.events().add(event);
    }

    /** One event's change written at once; in a savepoint, so that a failure undoes only its own writes. */
    private void alone(Consumer<C> change) {
        C single = gathering.get();
        change.accept(single);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            savepoint.executeWithoutResult(status -> write.accept(single));
        } else {
            write.accept(single);
        }
    }

    private void flush(Gathered<C> gathered) {
        try {
            write.accept(gathered.changes());
        } catch (RuntimeException e) {
            oneByOne.addAll(gathered.events());
            throw e;
        }
    }

    private record Gathered<C>(C changes, List<String> events) {
    }
}
