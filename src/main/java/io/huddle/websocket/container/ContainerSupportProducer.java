package io.huddle.websocket.container;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;

import java.util.logging.Logger;

/**
 * Chooses the {@link ContainerSupport} once, at deploy, by the class of the websocket container the server put in
 * the servlet context (the standard attribute named after {@link ServerContainer}), and says at INFO which one.
 */
@ApplicationScoped
public class ContainerSupportProducer {

    private static final Logger LOG = Logger.getLogger(ContainerSupportProducer.class.getName());

    @Produces
    @ApplicationScoped
    ContainerSupport containerSupport(ServletContext servletContext) {
        Object container = servletContext.getAttribute(ServerContainer.class.getName());
        String containerClass = container == null ? "none" : container.getClass().getName();
        ContainerSupport support = forContainer(containerClass);
        LOG.info(() -> "websocket container support: " + support.name() + " (server container " + containerClass
                + ")");
        return support;
    }

    /** Makes the choice while the application starts instead of at the first connection. */
    void chooseAtDeploy(@Observes @Initialized(ApplicationScoped.class) Object started, ContainerSupport support) {
        support.name();
    }

    /** The support for the websocket container of this class. */
    static ContainerSupport forContainer(String containerClass) {
        if (containerClass.startsWith("io.undertow.")) {
            return new UndertowSupport();
        }
        if (containerClass.startsWith("org.glassfish.tyrus.")) {
            return new TyrusSupport();
        }
        return new PortableSupport();
    }
}
