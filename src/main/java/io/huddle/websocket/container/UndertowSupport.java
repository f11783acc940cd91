package io.huddle.websocket.container;

import io.huddle.connection.FrameTransport;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * WildFly's Undertow: room frames go out through Undertow's own API ({@link UndertowTransport}), many sends may be in
 * flight per connection, and the handshake reaches the endpoint outside the user properties.
 */
final class UndertowSupport implements ContainerSupport {

    /**
     * Undertow gathers the frames queued on one socket into one write, so it is handed up to this many at a time:
     * with fewer, a client that fell behind got its frames one write at a time from the completion callbacks and
     * never caught up; with 256 the 1000-client fan-out kept up as with no limit (README, Performance, has the
     * measurements). At most 256 frames of a lagging client wait in Undertow's queue (about 60 KB), the rest in the
     * outbox (a reference each).
     */
    static final int CONCURRENT_SENDS = 256;

    /** Undertow's per-connection {@link ServerEndpointConfig}: a new instance for every handshake. */
    static final String PER_CONNECTION_CONFIG =
            "io.undertow.websockets.jsr.handshake.PerConnectionServerEndpointConfig";

    /**
     * Handshakes waiting for their socket to open, by Undertow's per-connection config. The user properties would
     * cost two hash tables per connection for its whole life (the per-connection config's properties and the
     * session's copy of them, about 250 bytes with the entry); this map holds an entry only between
     * {@code modifyHandshake} and {@code @OnOpen}, both of which Undertow hands the same config object. Identity
     * keys (the config does not override equals or hashCode); weak, so a handshake whose socket never opens goes
     * away with its config. Delete it, and carry in the user properties, the day Undertow stops keeping the
     * properties of every open session.
     */
    private final Map<Object, Object> pending = Collections.synchronizedMap(new WeakHashMap<>());

    /** The class of the configs keyed in {@link #pending}: {@link #PER_CONNECTION_CONFIG}, or a test's. */
    private final String perConnectionConfig;

    /** Undertow's transport, made with the first session (its class is Undertow-private); empty if unusable. */
    private volatile Optional<FrameTransport<Session>> transport;

    UndertowSupport() {
        this(PER_CONNECTION_CONFIG);
    }

    UndertowSupport(String perConnectionConfig) {
        this.perConnectionConfig = perConnectionConfig;
    }

    @Override
    public String name() {
        return "Undertow";
    }

    @Override
    public int defaultConcurrentSends() {
        return CONCURRENT_SENDS;
    }

    @Override
    public FrameTransport<Session> prepare(Session session) {
        Optional<FrameTransport<Session>> known = transport;
        if (known == null) {
            known = UndertowTransport.forSessionsLike(session, StandardTransport.INSTANCE);
            transport = known;
        }
        return known.orElse(StandardTransport.INSTANCE);
    }

    @Override
    public void carry(ServerEndpointConfig perConnection, Object value) {
        // keyed by the config only where Undertow made it for this one connection: a shared config would mix sockets
        if (perConnection.getClass().getName().equals(perConnectionConfig)) {
            pending.put(perConnection, value);
        } else {
            ContainerSupport.super.carry(perConnection, value);
        }
    }

    @Override
    public <T> T take(Class<T> type, EndpointConfig config, Session session) {
        Object value = pending.remove(config);
        return value != null ? type.cast(value) : ContainerSupport.super.take(type, config, session);
    }
}
