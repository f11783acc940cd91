package io.huddle.websocket;

import io.huddle.config.ClientLibrarySettings;
import io.huddle.config.WebSettings;
import io.huddle.config.WebsocketSettings;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * At boot, renders the browser client for this deployment's context path and configuration and serves it at
 * {@code /public/<clientJsPath>/<clientJsName>.js} and {@code /<clientJsPath>/<clientJsName>.js} (plus {@code .min.js}
 * and {@code .d.ts}), as ActionHero does (spec §3.1). The paths come from configuration, so the servlet is registered
 * here rather than by annotation.
 */
@WebListener
public class ClientLibraryPublisher implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ClientLibraryPublisher.class.getName());

    @Inject
    ClientLibrarySettings client;

    @Inject
    WebsocketSettings websocket;

    @Inject
    WebSettings web;

    @Inject
    ClientLibrary library;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Optional<String> name = client.jsName();
        if (name.isEmpty()) {
            LOG.info("huddle.websocket.clientJsName is empty: no browser client is served");
            return;
        }
        ServletContext context = event.getServletContext();
        Map<String, ClientFile> files = library.render(name.get(), ClientSettings.of(client, websocket, web,
                context.getContextPath()));
        ServletRegistration.Dynamic servlet = context.addServlet(ClientFileServlet.class.getName(),
                new ClientFileServlet(files));
        String directory = client.jsPath().isEmpty() ? "/" : "/" + client.jsPath() + "/";
        List<String> paths = files.keySet().stream()
                .flatMap(file -> Stream.of("/public" + directory + file, directory + file))
                .toList();
        Set<String> taken = servlet.addMapping(paths.toArray(String[]::new));
        if (!taken.isEmpty()) {
            LOG.warning(() -> "another servlet already serves " + taken + ": the browser client is not served there");
        }
        LOG.info(() -> "serving the browser client at " + context.getContextPath() + "/public" + directory
                + name.get() + ".js");
    }
}
