package io.huddle.websocket;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Set;

/**
 * Deploys {@link PrimusEndpoint} at {@code /primus} with {@link HandshakeConfigurator}; the container finds this
 * class by scanning the WAR. Annotated endpoints an application adds are deployed as they are.
 */
public class PrimusDeployment implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        return Set.of(ServerEndpointConfig.Builder.create(PrimusEndpoint.class, "/primus")
                .configurator(new HandshakeConfigurator())
                .build());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }
}
