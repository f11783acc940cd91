package io.huddle.action;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
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
 * Runs request work (actions, file reads) on a container-managed executor, never on the thread that received the
 * request, with a time limit. The executor is defined by the application rather than taken from the server's
 * default: Payara's default has a core pool of 0 and an unbounded queue, i.e. one thread, so one slow action would
 * hold up every other; this definition gives {@value #THREADS} threads on WildFly and Payara alike.
 */
@ManagedExecutorDefinition(name = ActionExecutor.EXECUTOR, maxAsync = ActionExecutor.THREADS)
@ApplicationScoped
public class ActionExecutor {

    static final String EXECUTOR = "java:app/concurrent/HuddleActions";
    static final int THREADS = 32;

    @Resource(lookup = EXECUTOR)
    ManagedExecutorService executor;

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
            task = executor.submit(() -> {
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
