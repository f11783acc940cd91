package io.huddle.concurrency;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of container-managed threads, for work that must not run on the thread that received it. The
 * threads come from the container's {@link ManagedThreadFactory}, so they carry the application's context (class
 * loader, naming, CDI). A pool of them rather than a {@code ManagedExecutorService}, because a managed executor
 * captures that context again for every task: Payara does it with a {@code ServiceLoader} scan of the WAR's jars
 * (21% of its CPU in the RPC benchmark; WildFly's capture is cheaper but still visible), and Payara's default
 * executor gives one thread (core pool 0, unbounded queue), so one slow task would hold up every other.
 */
public abstract class ManagedThreadPool {

    @Resource
    private ManagedThreadFactory threads;

    private final int size;
    private final boolean interruptOnStop;
    private ThreadPoolExecutor executor;

    /**
     * @param size            threads at most; idle ones end after a minute
     * @param interruptOnStop whether undeploying interrupts running tasks, or lets them finish
     */
    protected ManagedThreadPool(int size, boolean interruptOnStop) {
        this.size = size;
        this.interruptOnStop = interruptOnStop;
    }

    @PostConstruct
    void start() {
        executor = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        executor.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        if (interruptOnStop) {
            executor.shutdownNow();
        } else {
            executor.shutdown();
        }
    }

    protected ExecutorService executor() {
        return executor;
    }
}
