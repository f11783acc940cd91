package io.huddle.websocket;

import io.huddle.concurrency.ManagedThreadPool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The threads that serve websocket events which may block or take long, off the container's I/O thread: room verbs
 * and {@code say} (the room store is Redis in a cluster, and chat middleware is application code) and the cleanup
 * after a close, each connection's in order on its {@link Lane}.
 */
@ApplicationScoped
public class VerbExecutor extends ManagedThreadPool {

    static final int THREADS = 16;

    public VerbExecutor() {
        super(THREADS, false); // an undeploy lets queued cleanups finish
    }

    /** A new lane for one connection's events. */
    Lane newLane() {
        return new Lane(executor());
    }
}
