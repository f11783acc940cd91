package io.huddle.action;

import io.huddle.concurrency.ManagedThreadPool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs request work (actions, file reads) on the application's managed threads, never on the thread that received
 * the request, with a time limit; {@value #THREADS} threads on every server.
 */
@ApplicationScoped
public class ActionExecutor extends ManagedThreadPool {

    static final int THREADS = 32;

    public ActionExecutor() {
        super(THREADS, true); // an undeploy interrupts running actions: their callers are gone
    }

    /**
     * Runs {@code work} off this thread. The result completes with the work's result, with a
     * {@link TimeoutException} when {@code timeoutMillis} passed first (the work is then interrupted), or with a
     * {@link CompletionException} whose cause is the work's failure or the executor's refusal.
     * {@code whenStopped} runs exactly once, when the work really stopped or was dropped before it started.
     */
    public <T> CompletableFuture<T> run(Callable<T> work, long timeoutMillis, Runnable whenStopped) {
        CompletableFuture<T> result = new CompletableFuture<>();
        AtomicBoolean claimed = new AtomicBoolean(); // by the worker that runs it, or by the timeout that drops it
        Future<?> task;
        try {
            task = executor().submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return;
                }
                try {
                    result.complete(work.call());
                } catch (Throwable e) {
                    result.completeExceptionally(new CompletionException(e));
                } finally {
                    whenStopped.run();
                }
            });
        } catch (RejectedExecutionException e) {
            whenStopped.run();
            result.completeExceptionally(new CompletionException(e));
            return result;
        }
        // orTimeout's timer is removed as soon as the work completes, so finished calls leave nothing behind
        result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((done, failure) -> {
            if (failure instanceof TimeoutException) {
                if (claimed.compareAndSet(false, true)) {
                    whenStopped.run(); // still queued: it will never run
                } else {
                    task.cancel(true);
                }
            }
        });
        return result;
    }
}
