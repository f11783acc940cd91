package io.huddle.websocket.container;

import io.huddle.connection.FrameTransport;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * What Huddle does differently per websocket container, in one place: how frames are sent, how many sends may be in
 * flight per connection, what a new session needs before use, and how the handshake reaches the endpoint. One
 * implementation per container (Undertow on WildFly, Tyrus on Payara, a portable one for anything else), chosen once
 * at deploy by {@link ContainerSupportProducer}.
 */
public interface ContainerSupport {

    /** The container, for the log. */
    String name();

    /** Async sends in flight per connection when {@code huddle.websocket.outbox.concurrentSends} is {@code auto}. */
    int defaultConcurrentSends();

    /**
     * Readies a new session for Huddle and returns the transport its frames go through. Called once per session,
     * before Huddle sets its idle timeout.
     */
    FrameTransport<Session> prepare(Session session);

    /**
     * {@code transport} (from {@link #prepare}), made to run {@code ended} once Huddle closed the socket, where the
     * container may never call the endpoint's {@code onClose} for a close Huddle made. By default unchanged: the
     * container reports every close. {@code ended} must be safe to run more than once.
     */
    default FrameTransport<Session> reportingCloses(FrameTransport<Session> transport, Runnable ended) {
        return transport;
    }

    /**
     * Keeps {@code value} for the socket being upgraded with {@code perConnection}, from
     * {@code modifyHandshake}; {@link #take} finds it when that socket's endpoint opens. By default in the user
     * properties (see {@link UserProperties}).
     */
    default void carry(ServerEndpointConfig perConnection, Object value) {
        UserProperties.carry(perConnection, value);
    }

    /** The value of {@code type} carried for the endpoint opening with {@code config} and {@code session}, or null. */
    default <T> T take(Class<T> type, EndpointConfig config, Session session) {
        return UserProperties.take(type, config, session);
    }
}
