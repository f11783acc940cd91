package io.huddle.concurrency;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work that must keep its order per key (a room), run off the submitting thread on a shared executor: one task of a
 * key at a time, in submission order, while tasks of different keys run in parallel. A key's lane exists only while
 * it has work, so idle keys cost nothing. A busy key runs at most {@value #BATCH} tasks per turn and then queues itself
 * again behind the other keys, so one room's flood does not hold a thread the others wait for. Thread-safe.
 *
 * @param <K> the key
 */
public final class KeyedLanes<K> {

    private static final Logger LOG = Logger.getLogger(KeyedLanes.class.getName());

    /** Tasks one key runs before it lets the other keys have the thread. */
    static final int BATCH = 32;

    private final Executor executor;
    /** The queued tasks of each busy key; the head is the one running. Touched only inside the map's compute. */
    private final Map<K, Queue<Runnable>> lanes = new ConcurrentHashMap<>();

    public KeyedLanes(Executor executor) {
        this.executor = executor;
    }

    /** True when {@code key} has nothing queued or running: work may run on the caller's thread without overtaking. */
    public boolean isIdle(K key) {
        return !lanes.containsKey(key);
    }

    /** Queues {@code task} behind the key's earlier tasks. */
    public void execute(K key, Runnable task) {
        boolean[] first = {false};
        lanes.compute(key, (k, queue) -> {
            if (queue == null) {
                queue = new ArrayDeque<>();
                first[0] = true;
            }
            queue.add(task);
            return queue;
        });
        if (first[0]) {
            try {
                executor.execute(() -> drain(key, task));
            } catch (RejectedExecutionException e) {
                drain(key, task); // undeploy stopped the executor: the last deliveries still happen
            }
        }
    }

    private void drain(K key, Runnable first) {
        int run = 0;
        for (Runnable task = first; task != null; task = next(key)) {
            if (run++ == BATCH) {
                Runnable resume = task;
                try {
                    executor.execute(() -> drain(key, resume)); // behind the keys that waited meanwhile
                    return;
                } catch (RejectedExecutionException e) {
                    run = 1; // undeploy stopped the executor: the rest runs here
                }
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a task of " + key + " failed", e);
            }
        }
    }

    /** Drops the task that ran and returns the next, or null after removing the emptied lane. */
    private Runnable next(K key) {
        Runnable[] next = {null};
        lanes.computeIfPresent(key, (k, queue) -> {
            queue.poll();
            next[0] = queue.peek();
            return next[0] == null ? null : queue;
        });
        return next[0];
    }
}
