package io.huddle.websocket;

import io.huddle.config.HuddleConfig;
import io.huddle.connection.Connection;
import io.huddle.connection.Connections;
import io.huddle.connection.AsyncRemoteTransport;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.FrameTransport;
import io.huddle.connection.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.util.List;
import java.util.Optional;
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

    /** How long undeploy waits for the last frames to leave. */
    private static final long SHUTDOWN_DRAIN_MILLIS = 3000;

    /**
     * Undertow gathers the frames queued on one socket into one write, so it is handed up to this many at a time;
     * other containers get one send at a time. Fan-out to 1000 clients at max rate (LoadGen, README Performance):
     * with 32 or 128 a client that fell behind got its frames one write at a time from the completion callbacks, and
     * the generator fell further behind (p99 3.6-12 s, 1.1-1.8 frames per write); with 256 it kept up (p99 75 ms,
     * 3.1-3.4 frames per write, 322-332k deliveries/s), the same as with no limit. At most 256 frames of a lagging
     * client wait in Undertow's queue (about 60 KB), the rest in the outbox (a reference each).
     */
    private static final int UNDERTOW_CONCURRENT_SENDS = 256;

    private static final Logger LOG = Logger.getLogger(WebsocketSessions.class.getName());

    @Inject
    HuddleConfig config;

    @Inject
    Connections connections;

    @Inject
    FrameEncoder encoder;

    private volatile boolean shuttingDown;

    private final FrameTransport standardTransport = new AsyncRemoteTransport(null);
    private final FrameTransport jdkLoaderTransport = new AsyncRemoteTransport(ClassLoader.getPlatformClassLoader());
    /** Undertow's, found with the first Undertow session; empty if its API is not usable. */
    private volatile Optional<FrameTransport> undertowTransport;

    Connection open(Session session, Handshake handshake) {
        session.setMaxTextMessageBufferSize(config.maxFrameBytes());
        session.setMaxBinaryMessageBufferSize(config.maxFrameBytes());
        boolean idleTimerFree = TyrusIdleTimer.install(session);
        session.setMaxIdleTimeout(0);
        Outbox outbox = new Outbox(session, transport(session, idleTimerFree),
                concurrentSends(session), config.outboxMaxMessages(), config.outboxMaxBytes());
        Connection connection = new Connection(handshake.connectionId(), handshake.fingerprint(),
                Connection.TYPE_WEBSOCKET, handshake.remoteIP(), handshake.remotePort(), outbox);
        // registered first, as ActionHero does: once welcomed, a client is reachable (its directory entry in a
        // cluster is written asynchronously, so another node may still miss it for a moment)
        connections.register(connection);
        connection.send(encoder.encode(new Welcome(config.welcomeMessage())));
        if (shuttingDown) {
            end(connection);
        }
        LOG.log(Level.FINE, "opened {0}", connection);
        return connection;
    }

    void closed(Connection connection, CloseReason reason) {
        LOG.log(Level.FINE, "closed {0}: {1}", new Object[]{connection, reason});
        connections.unregister(connection);
    }

    /** Ends a connection on purpose: the client is told not to reconnect. */
    void destroy(Connection connection) {
        connection.close(encoder.encode(SERVER_CLOSE),
                new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "connection ended by the server"));
    }

    /** Undeploy or server stop: with destroyClientsOnShutdown clients stay away, otherwise they reconnect. */
    void shutdown() {
        if (shuttingDown) {
            return;
        }
        shuttingDown = true;
        List<Connection> open = List.copyOf(connections.all());
        LOG.info(() -> "shutting down: ending " + open.size() + " websocket connections"
                + (config.destroyClientsOnShutdown() ? " (clients told not to reconnect)" : " (clients will reconnect)"));
        open.forEach(this::end);
        long deadline = System.currentTimeMillis() + SHUTDOWN_DRAIN_MILLIS;
        for (Connection connection : open) {
            while (!connection.outbox().map(Outbox::isDrained).orElse(true) && System.currentTimeMillis() < deadline) {
                sleepBriefly();
            }
        }
    }

    private void end(Connection connection) {
        if (config.destroyClientsOnShutdown()) {
            destroy(connection);
        } else {
            connection.close(null, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
        }
    }

    private FrameTransport transport(Session session, boolean idleTimerFree) {
        if (isUndertow(session)) {
            Optional<FrameTransport> undertow = undertowTransport;
            if (undertow == null) {
                undertow = UndertowTransport.forSessionsLike(session, standardTransport);
                undertowTransport = undertow;
            }
            return undertow.orElse(standardTransport);
        }
        // if Tyrus' idle timer could not be skipped, at least its task's context capture should find nothing to
        // scan: sends then run under the JDK's class loader (see AsyncRemoteTransport)
        return isTyrus(session) && !idleTimerFree ? jdkLoaderTransport : standardTransport;
    }

    private int concurrentSends(Session session) {
        String setting = config.outboxConcurrentSends().trim();
        if (!setting.equalsIgnoreCase("auto")) {
            return Integer.parseInt(setting);
        }
        return isUndertow(session) ? UNDERTOW_CONCURRENT_SENDS : 1;
    }

    private static boolean isUndertow(Session session) {
        return session.getClass().getName().startsWith("io.undertow");
    }

    private static boolean isTyrus(Session session) {
        return session.getClass().getName().startsWith("org.glassfish.tyrus");
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
