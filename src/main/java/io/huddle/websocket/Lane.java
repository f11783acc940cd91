package io.huddle.websocket;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection's work that must not run on the container's I/O thread, run one task at a time in arrival order
 * on a shared executor. While it holds a task, every later event of the connection queues behind it, so a
 * connection's verbs are still served in order. Thread-safe; lock-free. Every open connection has one, most of them
 * idle (heartbeat answers never need the lane), so its counter is a volatile field behind a static updater and its
 * queue is created by the first task.
 */
final class Lane {

    private static final Logger LOG = Logger.getLogger(Lane.class.getName());

    private static final AtomicIntegerFieldUpdater<Lane> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(Lane.class, "pending");

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<Lane, Queue> TASKS =
            AtomicReferenceFieldUpdater.newUpdater(Lane.class, Queue.class, "tasks");

    private final Executor executor;
    private volatile Queue<Runnable> tasks;
    private volatile int pending;

    Lane(Executor executor) {
        this.executor = executor;
    }

    /** True when nothing is queued or running: work may run on the caller's thread without overtaking any. */
    boolean isIdle() {
        return pending == 0;
    }

    void execute(Runnable task) {
        tasks().add(task);
        if (PENDING.getAndIncrement(this) == 0) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drain(); // undeploy stopped the executor: the last events (closes) still get served
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Queue<Runnable> tasks() {
        Queue<Runnable> queue = tasks;
        if (queue == null) {
            TASKS.compareAndSet(this, null, new ConcurrentLinkedQueue<Runnable>());
            queue = tasks;
        }
        return queue;
    }

    private void drain() {
        do {
            try {
                tasks().poll().run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a connection's task failed", e);
            }
        } while (PENDING.decrementAndGet(this) > 0);
    }
}
