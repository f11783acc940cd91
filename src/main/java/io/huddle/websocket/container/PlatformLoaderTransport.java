package io.huddle.websocket.container;

import io.huddle.connection.CloseStatus;
import io.huddle.connection.FrameTransport;
import io.huddle.connection.OutboundFrame;
import jakarta.websocket.Session;

/**
 * Payara's fallback for a Tyrus session whose idle timer could not be skipped ({@link TyrusIdleTimer}): every send
 * then schedules a managed task, and Payara captures a task's context with a {@code ServiceLoader} scan of the
 * thread's context class loader ({@code ContextSetupProviderImpl.saveContext}), which for the WAR's loader costs a
 * lookup in every jar behind it (a quarter of the server's CPU in the RPC benchmark) and for the JDK's none. So the
 * standard send runs with the JDK's platform class loader as context loader, and the caller's is put back after.
 * Delete it with {@link TyrusIdleTimer} once Payara's Tyrus skips the timer while the idle timeout is off, or once
 * Payara caches what it looks up there.
 */
final class PlatformLoaderTransport implements FrameTransport<Session> {

    private final FrameTransport<Session> standard;
    private final ClassLoader sendLoader;

    PlatformLoaderTransport(FrameTransport<Session> standard, ClassLoader sendLoader) {
        this.standard = standard;
        this.sendLoader = sendLoader;
    }

    /** Sends with the JDK's platform class loader as context loader. */
    static PlatformLoaderTransport over(FrameTransport<Session> standard) {
        return new PlatformLoaderTransport(standard, ClassLoader.getPlatformClassLoader());
    }

    @Override
    public void send(Session session, OutboundFrame frame, Completion done) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(sendLoader);
        try {
            standard.send(session, frame, done);
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    @Override
    public void close(Session session, CloseStatus status) {
        standard.close(session, status);
    }
}
