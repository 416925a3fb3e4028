package nl.weerthuis.testsupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Test tasks that block on purpose (a transaction held open, a caller waiting for a lock), each on a thread of its
 * own: the common pool that {@code CompletableFuture.runAsync} uses has one thread on a two-core machine, or a few.
 */
public final class OwnThreads implements AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    public CompletableFuture<Void> run(Runnable task) {
        return CompletableFuture.runAsync(task, threads);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
