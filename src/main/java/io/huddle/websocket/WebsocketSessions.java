package io.huddle.websocket;

import io.huddle.config.GeneralSettings;
import io.huddle.config.OutboxSettings;
import io.huddle.config.WebsocketSettings;
import io.huddle.connection.CloseStatus;
import io.huddle.connection.Connection;
import io.huddle.connection.Connections;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.FrameTransport;
import io.huddle.connection.Outbox;
import io.huddle.limits.ConnectionQuota;
import io.huddle.limits.ConnectionLimits;
import io.huddle.limits.RateLimits;
import io.huddle.websocket.container.ContainerSupport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens and closes websocket connections: builds the {@link Connection} with its {@link Outbox}, registers it,
 * sends the welcome; and at undeploy ends every connection the way {@code destroyClientsOnShutdown} asks.
 */
@ApplicationScoped
public class WebsocketSessions {

    /** Sent before a deliberate close: the stock client then does not reconnect (spec §1.3). */
    static final String SERVER_CLOSE = "primus::server::close";

    /**
     * How long a connection closed for hammering stays open after it was told not to reconnect. Tyrus (Payara) closes
     * the TCP connection as soon as its close frame is written, so a client still writing its last frames got a
     * reset ({@code 1006}, "Broken pipe") instead of the 1008; a second lets such a client finish and read the close.
     * The stock client ends the connection itself on {@code primus::server::close}, sooner.
     */
    static final long HAMMERING_CLOSE_DELAY_MILLIS = 1000;

    /** How long undeploy waits for the last frames to leave. */
    private static final long SHUTDOWN_DRAIN_MILLIS = 3000;

    private static final Logger LOG = Logger.getLogger(WebsocketSessions.class.getName());

    @Inject
    WebsocketSettings websocket;

    @Inject
    OutboxSettings outboxSettings;

    @Inject
    GeneralSettings general;

    @Inject
    Connections connections;

    @Inject
    FrameEncoder encoder;

    @Inject
    ContainerSupport container;

    @Inject
    ConnectionQuota quota;

    @Inject
    RateLimits rateLimits;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** The upgrade's query parameter that asks for positions. */
    static final String POSITIONS_PARAMETER = "positions";

    private volatile boolean shuttingDown;

    /** Async sends in flight per connection: the setting, or the container's default for {@code auto}. */
    private int concurrentSends;

    /** {@link #SERVER_CLOSE} as a frame, encoded once. */
    private String serverCloseFrame;

    @PostConstruct
    void readConcurrentSends() {
        concurrentSends = outboxSettings.concurrentSends().orElse(container.defaultConcurrentSends());
        serverCloseFrame = encoder.encode(SERVER_CLOSE);
    }

    /**
     * Opens the connection of a new socket, whose handshake the container carried to {@code endpointConfig}.
     * {@code ended} is the endpoint's close path, for a container that may not report a close Huddle made.
     */
    Connection open(Session session, EndpointConfig endpointConfig, Runnable ended) {
        Handshake handshake = container.take(Handshake.class, endpointConfig, session);
        session.setMaxTextMessageBufferSize(websocket.maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(websocket.maxFrameBytes());
        // before the idle timeout is set: on Tyrus, setting it already schedules the timer task prepare() disarms
        FrameTransport<Session> transport = container.reportingCloses(container.prepare(session), ended);
        session.setMaxIdleTimeout(0);
        Outbox outbox = new Outbox(handshake.connectionId(), session, transport, concurrentSends,
                outboxSettings.maxMessages(), outboxSettings.maxBytes());
        ConnectionLimits limits = rateLimits.forConnection(handshake.connectionId(), () -> endHammering(outbox));
        Connection connection = new Connection(handshake.connectionId(), handshake.fingerprint(),
                Connection.TYPE_WEBSOCKET, handshake.remoteIP(), handshake.remotePort(), outbox, limits);
        connection.wantsPositions(asksForPositions(session));
        // registered first, as ActionHero does: once welcomed, a client is reachable (its directory entry in a
        // cluster is written asynchronously, so another node may still miss it for a moment)
        connections.register(connection);
        if (handshake.admission() != null) {
            quota.opened(connection.id(), handshake.admission()); // counted since admitted; now until it closes
        }
        connection.send(encoder.encode(new Welcome(general.welcomeMessage())));
        if (shuttingDown) {
            end(connection);
        }
        LOG.log(Level.FINE, "opened {0}", connection);
        return connection;
    }

    /**
     * A client that keeps hammering past its refusals is ended on purpose: told not to reconnect (spec §1.5) at once,
     * closed with 1008 {@link #HAMMERING_CLOSE_DELAY_MILLIS} later; its frames in between are dropped unread
     * ({@link EventDispatcher}).
     */
    private void endHammering(Outbox outbox) {
        outbox.offer(serverCloseFrame);
        try {
            scheduler.schedule(() -> outbox.closeAfter(null, CloseStatus.RATE_LIMITED), HAMMERING_CLOSE_DELAY_MILLIS,
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) { // the application is stopping
            outbox.closeAfter(null, CloseStatus.RATE_LIMITED);
        }
    }

    /** {@code ?positions=1} on the upgrade: Huddle's client asks for each room message's position and epoch. */
    private static boolean asksForPositions(Session session) {
        List<String> values = session.getRequestParameterMap().get(POSITIONS_PARAMETER);
        return values != null && (values.contains("1") || values.contains("true"));
    }

    void closed(Connection connection, CloseReason reason) {
        LOG.log(Level.FINE, "closed {0}: {1}", new Object[]{connection, reason});
        connections.unregister(connection);
        quota.closed(connection.id());
    }

    /** Ends a connection on purpose: the client is told not to reconnect. */
    void destroy(Connection connection) {
        connection.close(serverCloseFrame,
                new CloseStatus(CloseStatus.NORMAL_CLOSURE, "connection ended by the server"));
    }

    /** Undeploy or server stop: with destroyClientsOnShutdown clients stay away, otherwise they reconnect. */
    void shutdown() {
        if (shuttingDown) {
            return;
        }
        shuttingDown = true;
        List<Connection> open = List.copyOf(connections.all());
        LOG.info(() -> "shutting down: ending " + open.size() + " websocket connections"
                + (websocket.destroyClientsOnShutdown() ? " (clients told not to reconnect)" : " (clients will reconnect)"));
        open.forEach(this::end);
        long deadline = System.currentTimeMillis() + SHUTDOWN_DRAIN_MILLIS;
        for (Connection connection : open) {
            while (!connection.outbox().map(Outbox::isDrained).orElse(true) && System.currentTimeMillis() < deadline) {
                sleepBriefly();
            }
        }
    }

    private void end(Connection connection) {
        if (websocket.destroyClientsOnShutdown()) {
            destroy(connection);
        } else {
            connection.close(null, new CloseStatus(CloseStatus.GOING_AWAY, "server shutting down"));
        }
    }

    /** {@code setting}: a number, or {@code auto} for the container's default. */
    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
