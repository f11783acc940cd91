package io.huddle.websocket;

import io.huddle.websocket.container.ContainerSupport;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.UUID;

/**
 * Carries the handshake computed by {@link PrimusHttpFilter} to the new connection's {@link PrimusEndpoint}, and
 * creates the endpoint instances with the application's services (looked up once, on the first handshake's request
 * thread, where the application's context is certain to be active). Where the handshake waits for its socket is
 * the container's business ({@link ContainerSupport#carry}).
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    private volatile Services services;

    /** The application-scoped beans every endpoint instance uses (client proxies: safe to keep). */
    record Services(WebsocketSessions sessions, EventDispatcher dispatcher, VerbExecutor verbs,
                    ContainerSupport container) {

        static Services lookUp() {
            CDI<Object> cdi = CDI.current();
            return new Services(cdi.select(WebsocketSessions.class).get(), cdi.select(EventDispatcher.class).get(),
                    cdi.select(VerbExecutor.class).get(), cdi.select(ContainerSupport.class).get());
        }
    }

    private Services services() {
        Services known = services;
        if (known == null) {
            known = Services.lookUp();
            services = known;
        }
        return known;
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != PrimusEndpoint.class) {
            return super.getEndpointInstance(endpointClass);
        }
        return endpointClass.cast(new PrimusEndpoint(services()));
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Services known = services();
        Handshake handshake = PrimusHttpFilter.current();
        if (handshake == null) {
            // the filter always runs first on WildFly and Payara; this keeps a socket usable if a container differs
            String id = UUID.randomUUID().toString();
            handshake = new Handshake(id, id, "unknown", 0, null);
        }
        known.container().carry(config, handshake);
    }
}
