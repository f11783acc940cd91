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
 * connection's verbs are still served in order. Three rules keep one connection from starving the others that
 * share the executor: a lane runs at most {@value #BATCH} tasks per turn and then queues itself again behind the
 * other lanes; it holds at most a bounded number of tasks ({@link #offer}); and once its connection closed, the
 * work still queued is dropped (nobody is there to answer) and only the close cleanup runs. Thread-safe; lock-free.
 * Every open connection has one, most of them idle (heartbeat answers never need the lane), so its counter is a
 * volatile field behind a static updater and its queue is created by the first task.
 */
final class Lane {

    private static final Logger LOG = Logger.getLogger(Lane.class.getName());

    private static final AtomicIntegerFieldUpdater<Lane> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(Lane.class, "pending");

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<Lane, Queue> TASKS =
            AtomicReferenceFieldUpdater.newUpdater(Lane.class, Queue.class, "tasks");

    /** Tasks one lane runs before it lets the other lanes have the thread. */
    static final int BATCH = 32;

    private final Executor executor;
    private volatile Queue<Runnable> tasks;
    private volatile int pending;
    /** Once set, the connection is gone: only this task still runs. */
    private volatile Runnable last;

    Lane(Executor executor) {
        this.executor = executor;
    }

    /** True when nothing is queued or running: work may run on the caller's thread without overtaking any. */
    boolean isIdle() {
        return pending == 0;
    }

    /** Queues a task unless {@code limit} tasks are already queued or running; false when refused. */
    boolean offer(Runnable task, int limit) {
        if (pending >= limit || last != null) {
            return false; // one connection (its events arrive one at a time) is the only caller: no race to the bound
        }
        execute(task);
        return true;
    }

    /** Queues the connection's last task (its close cleanup): whatever is still queued before it is dropped. */
    void finish(Runnable cleanup) {
        last = cleanup;
        execute(cleanup);
    }

    /** Queues a task whatever is queued already. */
    void execute(Runnable task) {
        tasks().add(task);
        if (PENDING.getAndIncrement(this) == 0) {
            schedule();
        }
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            drain(); // undeploy stopped the executor: the last events (closes) still get served
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
        for (int run = 0; run < BATCH; run++) {
            Runnable task = tasks().poll();
            Runnable finalTask = last;
            if (finalTask == null || task == finalTask) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a connection's task failed", e);
                }
            }
            if (PENDING.decrementAndGet(this) == 0) {
                return;
            }
        }
        schedule(); // more is queued: behind the lanes that waited meanwhile
    }
}
