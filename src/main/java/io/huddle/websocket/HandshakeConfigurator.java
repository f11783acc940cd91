package io.huddle.websocket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * Carries the handshake computed by {@link PrimusHttpFilter} to the new connection's {@link PrimusEndpoint}, and
 * creates the endpoint instances with the application's services (looked up once, on the first handshake's request
 * thread, where the application's context is certain to be active).
 *
 * <p>The portable way to carry the handshake is the per-connection user properties. On Undertow that costs two
 * hash tables per connection for its whole life (the per-connection config's properties and the session's copy of
 * them, about 250 bytes with the entry), so there the handshake waits in a small map keyed by the per-connection
 * config object instead, which Undertow hands both to {@code modifyHandshake} and to {@code @OnOpen}, and the
 * properties stay empty. Weak keys: a handshake whose socket never opens goes away with its config.
 */
public class HandshakeConfigurator extends ServerEndpointConfig.Configurator {

    /** Undertow's per-connection {@link ServerEndpointConfig}: a new instance for every handshake. */
    private static final String UNDERTOW_PER_CONNECTION_CONFIG =
            "io.undertow.websockets.jsr.handshake.PerConnectionServerEndpointConfig";

    /** Identity keys: Undertow's per-connection config does not override equals or hashCode. */
    private final Map<Object, Handshake> pending = Collections.synchronizedMap(new WeakHashMap<>());

    private volatile Services services;

    /** The application-scoped beans every endpoint instance uses (client proxies: safe to keep). */
    private record Services(WebsocketSessions sessions, EventDispatcher dispatcher, VerbExecutor verbs) {

        static Services lookUp() {
            CDI<Object> cdi = CDI.current();
            return new Services(cdi.select(WebsocketSessions.class).get(), cdi.select(EventDispatcher.class).get(),
                    cdi.select(VerbExecutor.class).get());
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
        Services known = services();
        return endpointClass.cast(new PrimusEndpoint(known.sessions(), known.dispatcher(), known.verbs()));
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        services();
        Handshake handshake = PrimusHttpFilter.current();
        if (handshake == null) {
            // the filter always runs first on WildFly and Payara; this keeps a socket usable if a container differs
            String id = UUID.randomUUID().toString();
            handshake = new Handshake(id, id, "unknown", 0);
        }
        if (config.getClass().getName().equals(UNDERTOW_PER_CONNECTION_CONFIG)) {
            pending.put(config, handshake);
        } else {
            // Payara (Tyrus) hands modifyHandshake a per-connection copy of the user properties
            config.getUserProperties().put(Handshake.USER_PROPERTY, handshake);
        }
    }

    /** The handshake of the connection whose endpoint opens with {@code config}, or null; for Undertow. */
    Handshake takeHandshake(Object config) {
        return pending.remove(config);
    }
}
