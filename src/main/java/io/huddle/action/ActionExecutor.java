package io.huddle.action;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs request work (actions, file reads) on container-managed threads, never on the thread that received the
 * request, with a time limit. The threads come from the container's {@link ManagedThreadFactory}, so they carry the
 * application's context (class loader, naming, CDI); a pool of them rather than a {@code ManagedExecutorService}
 * because a managed executor captures that context again for every task: Payara does it with a
 * {@code ServiceLoader} scan of the WAR's jars, which was 21% of its CPU in the RPC benchmark (WildFly's capture is
 * cheaper but still visible). Payara's default executor would also give one thread (core pool 0, unbounded queue),
 * so one slow action would hold up every other; this pool has {@value #THREADS} on both servers.
 */
@ApplicationScoped
public class ActionExecutor {

    static final int THREADS = 32;

    @Resource
    ManagedThreadFactory threads;

    private ThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        executor = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                threads);
        executor.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
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
