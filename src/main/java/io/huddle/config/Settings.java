package io.huddle.config;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Logger;

/**
 * Huddle's configuration, read and checked once when the application starts, and offered for injection as one
 * small record per feature ({@link WebsocketSettings}, {@link ChatSettings}, …). Keys are ActionHero's option names
 * under {@code huddle.}; defaults come from {@code META-INF/huddle-defaults.properties} ({@link HuddleDefaults}),
 * and an application's {@code META-INF/microprofile-config.properties}, environment variables and system
 * properties override them. A value that does not parse fails the deployment with one sentence naming the key.
 */
@ApplicationScoped
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    private GeneralSettings general;
    private WebsocketSettings websocket;
    private OutboxSettings outbox;
    private WebSettings web;
    private ActionSettings actions;
    private ChatSettings chat;
    private HistorySettings history;
    private ClusterSettings cluster;
    private ClientLibrarySettings client;
    private LimitSettings limits;
    private ConnectionCapSettings connectionCaps;
    private RoomLimitSettings roomLimits;

    @PostConstruct
    void read() {
        SettingsReader reader = new SettingsReader(ConfigProvider.getConfig(Settings.class.getClassLoader()));
        try {
            general = GeneralSettings.read(reader);
            websocket = WebsocketSettings.read(reader);
            outbox = OutboxSettings.read(reader);
            web = WebSettings.read(reader);
            actions = ActionSettings.read(reader);
            chat = ChatSettings.read(reader);
            history = HistorySettings.read(reader);
            history.checkFits(outbox);
            cluster = ClusterSettings.read(reader);
            client = ClientLibrarySettings.read(reader);
            limits = LimitSettings.read(reader);
            connectionCaps = ConnectionCapSettings.read(reader);
            roomLimits = RoomLimitSettings.read(reader);
        } catch (SettingsReader.InvalidSetting e) {
            LOG.severe(() -> "Huddle cannot start: " + e.getMessage());
            throw e;
        }
    }

    /** Reads every setting as the application starts, so a bad value stops the deployment, not a connection. */
    void checkAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE)
                        @Initialized(ApplicationScoped.class) Object start) {
        // nothing to do: delivering this event creates the bean, whose @PostConstruct reads everything
    }

    @Produces
    GeneralSettings general() {
        return general;
    }

    @Produces
    WebsocketSettings websocket() {
        return websocket;
    }

    @Produces
    OutboxSettings outbox() {
        return outbox;
    }

    @Produces
    WebSettings web() {
        return web;
    }

    @Produces
    ActionSettings actions() {
        return actions;
    }

    @Produces
    ChatSettings chat() {
        return chat;
    }

    @Produces
    HistorySettings history() {
        return history;
    }

    @Produces
    ClusterSettings cluster() {
        return cluster;
    }

    @Produces
    ClientLibrarySettings client() {
        return client;
    }

    @Produces
    LimitSettings limits() {
        return limits;
    }

    @Produces
    ConnectionCapSettings connectionCaps() {
        return connectionCaps;
    }

    @Produces
    RoomLimitSettings roomLimits() {
        return roomLimits;
    }
}
