package io.huddle.websocket;

import io.huddle.connection.Connection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code /primus} websocket. One instance per connection; it only hands frames to {@link EventDispatcher} and
 * lifecycle changes to {@link WebsocketSessions}, with the connection's {@link Lane} for work that may block.
 *
 * <p>Text arrives through a partial handler, joined by {@link FrameAssembly}, so a frame over
 * {@code huddle.websocket.server.maxLength} is refused (1009) while it is being read. With a whole-message handler
 * Undertow read a frame to its announced end before handing it over, whatever the session's buffer limit said
 * (observed on WildFly 39 with a 10 MiB frame and a 64 KiB limit), so waves of huge frames could exhaust the heap.
 * A programmatic endpoint (deployed by {@link PrimusDeployment}) because the annotated one could only state a
 * compile-time maximum.
 *
 * <p>Not a CDI-created instance: {@link HandshakeConfigurator} constructs it with the application-scoped services it
 * needs. The container's CDI path would keep a creational context with two lists for every open connection (about
 * 230 bytes each on WildFly) only to destroy dependents this class does not have.
 */
public class PrimusEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(PrimusEndpoint.class.getName());

    /** What a close Huddle made is logged as where the container does not report it (Tyrus). */
    private static final CloseReason ENDED_BY_SERVER =
            new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "closed by the server");

    private final WebsocketSessions sessions;
    private final EventDispatcher dispatcher;
    private final VerbExecutor verbs;

    private volatile Connection connection;
    private volatile Lane lane;
    /** Set by the first close: the container's {@code onClose}, or Huddle's own close where the container is silent. */
    private final AtomicBoolean ended = new AtomicBoolean();
    private FrameAssembly assembly;

    PrimusEndpoint(HandshakeConfigurator.Services services) {
        this.sessions = services.sessions();
        this.dispatcher = services.dispatcher();
        this.verbs = services.verbs();
    }

    /** For a container that creates endpoints itself instead of asking {@link HandshakeConfigurator}. */
    public PrimusEndpoint() {
        this(HandshakeConfigurator.Services.lookUp());
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        lane = verbs.newLane();
        connection = sessions.open(session, config, () -> ended(ENDED_BY_SERVER));
        assembly = new FrameAssembly(session.getMaxTextMessageBufferSize());
        session.addMessageHandler(String.class, (MessageHandler.Partial<String>) this::text);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) this::binary);
    }

    private void text(String part, boolean last) {
        FrameAssembly.Outcome outcome = assembly.add(part, last);
        if (outcome instanceof FrameAssembly.Complete complete) {
            dispatcher.dispatch(connection, lane, complete.frame());
        } else if (outcome instanceof FrameAssembly.TooBig) {
            dispatcher.refuseOversized(connection);
        }
    }

    /** Binary frames are refused; read in parts too, so that a huge one is not buffered before it is refused. */
    private void binary(ByteBuffer part, boolean last) {
        FrameAssembly.Outcome outcome = assembly.addBinary(part.remaining(), last);
        if (outcome instanceof FrameAssembly.BinaryEnded) {
            dispatcher.rejectBinary(connection);
        } else if (outcome instanceof FrameAssembly.TooBig) {
            dispatcher.refuseOversized(connection);
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        ended(reason);
    }

    /** The connection's end, once, whether the container reported it or Huddle closed it. */
    private void ended(CloseReason reason) {
        if (connection != null && ended.compareAndSet(false, true)) {
            // leaving rooms touches the store and runs leave middleware: never on an I/O thread; the verbs still
            // queued on the lane are dropped, nobody is there to answer them
            Connection closed = connection;
            lane.finish(() -> sessions.closed(closed, reason));
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        // an abrupt disconnect or an oversized frame: the container closes the socket and onClose cleans up
        LOG.log(Level.FINE, "websocket error on " + connection, error);
    }
}
