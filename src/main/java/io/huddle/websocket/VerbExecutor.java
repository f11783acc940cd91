package io.huddle.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that serve websocket events which may block or take long, off the container's I/O thread: room verbs
 * and {@code say} (the room store is Redis in a cluster, and chat middleware is application code) and the cleanup
 * after a close. Container-managed threads (a {@link ManagedThreadFactory}), so they carry the application's context.
 */
@ApplicationScoped
public class VerbExecutor {

    static final int THREADS = 16;

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
        executor.shutdown();
    }

    /** A new lane for one connection's events. */
    Lane newLane() {
        return new Lane(executor);
    }
}
