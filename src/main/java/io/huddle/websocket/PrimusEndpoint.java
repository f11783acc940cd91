package io.huddle.websocket;

import io.huddle.connection.Connection;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code /primus} websocket. One instance per connection; it only hands frames to {@link EventDispatcher} and
 * lifecycle changes to {@link WebsocketSessions}, with the connection's {@link Lane} for work that may block.
 *
 * <p>Not a CDI-created instance: {@link HandshakeConfigurator} constructs it with the application-scoped services it
 * needs. The container's CDI path would keep a creational context with two lists for every open connection (about
 * 230 bytes each on WildFly) only to destroy dependents this class does not have.
 */
@ServerEndpoint(value = "/primus", configurator = HandshakeConfigurator.class)
public class PrimusEndpoint {

    private static final Logger LOG = Logger.getLogger(PrimusEndpoint.class.getName());

    private final WebsocketSessions sessions;
    private final EventDispatcher dispatcher;
    private final VerbExecutor verbs;

    private Connection connection;
    private Lane lane;

    PrimusEndpoint(HandshakeConfigurator.Services services) {
        this.sessions = services.sessions();
        this.dispatcher = services.dispatcher();
        this.verbs = services.verbs();
    }

    /** For a container that creates endpoints itself instead of asking {@link HandshakeConfigurator}. */
    public PrimusEndpoint() {
        this(HandshakeConfigurator.Services.lookUp());
    }

    @OnOpen
    public void open(Session session, EndpointConfig config) {
        lane = verbs.newLane();
        connection = sessions.open(session, config);
    }

    /**
     * The container's hard ceiling, Primus' own default (10 MiB): frames up to it are buffered whole, then checked
     * against the configured {@code huddle.websocket.server.maxLength} by the dispatcher.
     */
    static final int HARD_FRAME_LIMIT = 10 * 1024 * 1024;

    @OnMessage(maxMessageSize = HARD_FRAME_LIMIT)
    public void text(String frame) {
        dispatcher.dispatch(connection, lane, frame);
    }

    @OnMessage(maxMessageSize = HARD_FRAME_LIMIT)
    public void binary(ByteBuffer frame) {
        dispatcher.rejectBinary(connection);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (connection != null) {
            // leaving rooms touches the store and runs leave middleware: never on an I/O thread; the verbs still
            // queued on the lane are dropped, nobody is there to answer them
            Connection closed = connection;
            lane.finish(() -> sessions.closed(closed, reason));
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        // an abrupt disconnect or an oversized frame: the container closes the socket and @OnClose cleans up
        LOG.log(Level.FINE, "websocket error on " + connection, error);
    }
}
