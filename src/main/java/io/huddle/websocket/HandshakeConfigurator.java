package io.huddle.websocket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.UUID;

/**
 * Carries the handshake computed by {@link PrimusHttpFilter} into the new session's user properties.
 * Endpoint instances still come from the container's default configurator, so CDI injection works.
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Handshake handshake = PrimusHttpFilter.current();
        if (handshake == null) {
            // the filter always runs first on WildFly and Payara; this keeps a socket usable if a container differs
            String id = UUID.randomUUID().toString();
            handshake = new Handshake(id, id, "unknown", 0);
        }
        // WildFly (Undertow) and Payara (Tyrus) hand modifyHandshake a per-connection copy of the user properties
        config.getUserProperties().put(Handshake.USER_PROPERTY, handshake);
    }
}
