package io.huddle.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Huddle's configuration: ActionHero's option names under {@code huddle.}, defaults in
 * {@code META-INF/microprofile-config.properties}; system properties and environment variables override them.
 */
@ApplicationScoped
public class HuddleConfig {

    @Inject @ConfigProperty(name = "huddle.general.welcomeMessage")
    String welcomeMessage;

    @Inject @ConfigProperty(name = "huddle.general.id")
    Optional<String> nodeId;

    @Inject @ConfigProperty(name = "huddle.general.serverName")
    String serverName;

    @Inject @ConfigProperty(name = "huddle.websocket.server.pingInterval")
    long pingIntervalMillis;

    @Inject @ConfigProperty(name = "huddle.websocket.server.maxLength")
    int maxFrameBytes;

    @Inject @ConfigProperty(name = "huddle.websocket.destroyClientsOnShutdown")
    boolean destroyClientsOnShutdown;

    @Inject @ConfigProperty(name = "huddle.websocket.allowedOrigins")
    Optional<List<String>> allowedOrigins;

    @Inject @ConfigProperty(name = "huddle.websocket.outbox.maxMessages")
    int outboxMaxMessages;

    @Inject @ConfigProperty(name = "huddle.websocket.outbox.maxBytes")
    long outboxMaxBytes;

    @Inject @ConfigProperty(name = "huddle.websocket.outbox.concurrentSends")
    String outboxConcurrentSends;

    @Inject @ConfigProperty(name = "huddle.web.fingerprintOptions.cookieKey")
    String cookieKey;

    public String welcomeMessage() { return welcomeMessage; }

    /** The node id, unique in a cluster: configured, else the host name plus the process id. */
    public Optional<String> configuredNodeId() { return nodeId.filter(s -> !s.isBlank()); }

    public String serverName() { return serverName; }

    /** Milliseconds between heartbeats; 0 or less turns the heartbeat off. */
    public long pingIntervalMillis() { return pingIntervalMillis; }

    /** Largest inbound text frame in bytes; bigger frames close the connection with 1009. */
    public int maxFrameBytes() { return maxFrameBytes; }

    public boolean destroyClientsOnShutdown() { return destroyClientsOnShutdown; }

    /** Origins allowed to open a websocket besides the server's own; {@code *} allows any. */
    public List<String> allowedOrigins() { return allowedOrigins.orElse(List.of()); }

    public int outboxMaxMessages() { return outboxMaxMessages; }

    public long outboxMaxBytes() { return outboxMaxBytes; }

    /** Async sends a connection may have in flight at once, or {@code auto} to pick per container. */
    public String outboxConcurrentSends() { return outboxConcurrentSends; }

    public String cookieKey() { return cookieKey; }
}
