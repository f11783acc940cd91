package io.huddle.websocket.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.logging.Logger;

/**
 * Chooses the {@link ContainerSupport} once, at deploy, by the websocket implementation the server runs: the class
 * of its default endpoint configurator (Jakarta WebSocket 2.1's {@code getContainerDefaultConfigurator()}, found
 * the way the container finds it for every endpoint), and says at INFO which one.
 */
@ApplicationScoped
public class ContainerSupportProducer {

    private static final Logger LOG = Logger.getLogger(ContainerSupportProducer.class.getName());

    @Produces
    @ApplicationScoped
    ContainerSupport containerSupport() {
        String implementation = implementationClass();
        ContainerSupport support = forImplementation(implementation);
        LOG.info(() -> "websocket container support: " + support.name() + " (" + implementation + ")");
        return support;
    }

    /** Makes the choice while the application starts instead of at the first connection. */
    void chooseAtDeploy(@Observes @Initialized(ApplicationScoped.class) Object started, ContainerSupport support) {
        support.name();
    }

    /** The support for the websocket implementation with a class of this name. */
    static ContainerSupport forImplementation(String implementationClass) {
        if (implementationClass.startsWith("io.undertow.")) {
            return new UndertowSupport();
        }
        if (implementationClass.startsWith("org.glassfish.tyrus.")) {
            return new TyrusSupport();
        }
        return new PortableSupport();
    }

    private static String implementationClass() {
        try {
            return new ServerEndpointConfig.Configurator().getContainerDefaultConfigurator().getClass().getName();
        } catch (RuntimeException e) { // the API finds none: no websocket implementation we know
            return "no default configurator: " + e;
        }
    }
}
