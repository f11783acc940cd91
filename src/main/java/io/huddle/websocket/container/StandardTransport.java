package io.huddle.websocket.container;

import io.huddle.connection.CloseStatus;
import io.huddle.connection.FrameTransport;
import io.huddle.connection.OutboundFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The portable transport: Jakarta WebSocket's async remote, one {@code sendText} per frame and connection. */
final class StandardTransport implements FrameTransport<Session> {

    static final StandardTransport INSTANCE = new StandardTransport();

    private static final Logger LOG = Logger.getLogger(StandardTransport.class.getName());

    private StandardTransport() {
    }

    @Override
    public void send(Session session, OutboundFrame frame, Completion done) {
        try {
            session.getAsyncRemote().sendText(frame.text(), result -> done.sent(result.getException()));
        } catch (RuntimeException e) {
            done.sent(e);
        }
    }

    @Override
    public void close(Session session, CloseStatus status) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(status.code()), status.reason()));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "close failed on " + session.getId(), e);
        }
    }
}
