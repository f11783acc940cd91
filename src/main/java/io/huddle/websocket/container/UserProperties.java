package io.huddle.websocket.container;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The portable way to carry a value from the handshake to {@code @OnOpen}: the user properties, keyed by the value's
 * class name. Jakarta WebSocket 2.1 gives {@code modifyHandshake} a per-connection copy of the endpoint's properties
 * and the session a copy of those; some containers copy late, so the session's are read first, then the config's.
 */
final class UserProperties {

    private UserProperties() {
    }

    static void carry(ServerEndpointConfig perConnection, Object value) {
        perConnection.getUserProperties().put(value.getClass().getName(), value);
    }

    static <T> T take(Class<T> type, EndpointConfig config, Session session) {
        Object value = session.getUserProperties().get(type.getName());
        if (value == null) {
            value = config.getUserProperties().get(type.getName());
        }
        return type.cast(value);
    }
}
