package io.huddle.websocket.container;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * The portable way to carry a value from the handshake to {@code @OnOpen}: the user properties of the per-connection
 * config {@code modifyHandshake} gets (Jakarta WebSocket 2.1), keyed by the value's class name. Containers differ in
 * where {@code @OnOpen} then sees them, the session's properties or the config's, so the session's are read first.
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
