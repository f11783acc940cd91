package io.huddle.connection;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

/** The portable transport: Jakarta WebSocket's async remote, one {@code sendText} per frame and connection. */
public final class AsyncRemoteTransport implements FrameTransport {

    private final ClassLoader sendLoader;

    /**
     * @param sendLoader the context class loader to send under, or null for the caller's: on Payara every send may
     *                   schedule a managed task (Tyrus' idle timer), and Payara captures the context of a task with a
     *                   {@code ServiceLoader} scan of the context class loader, which costs a lookup in every jar of
     *                   the WAR (a quarter of the server's CPU in the RPC benchmark) and none in the JDK's
     */
    public AsyncRemoteTransport(ClassLoader sendLoader) {
        this.sendLoader = sendLoader;
    }

    @Override
    public void send(Session session, OutboundFrame frame, SendHandler done) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        if (sendLoader != null) {
            thread.setContextClassLoader(sendLoader);
        }
        try {
            session.getAsyncRemote().sendText(frame.text(), done);
        } catch (RuntimeException e) {
            done.onResult(new SendResult(e));
        } finally {
            thread.setContextClassLoader(callers);
        }
    }
}
