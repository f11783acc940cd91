package io.huddle.connection;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

/**
 * How an {@link Outbox} hands one text frame to the container. One instance serves every connection of its kind, so
 * it holds no per-connection state.
 *
 * <p>The contract: {@link #send} does not block and does not throw; it calls {@code done} exactly once, on any thread
 * (possibly before it returns), when the container has written the frame or failed to.
 */
public interface FrameTransport {

    void send(Session session, OutboundFrame frame, SendHandler done);
}
