package io.huddle.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Huddle's configuration: ActionHero's option names under {@code huddle.}, defaults in
 * {@code META-INF/huddle-defaults.properties} ({@link HuddleDefaults}); an application's
 * {@code META-INF/microprofile-config.properties}, environment variables and system properties override them.
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
    Optional<String> allowedOrigins; // a plain string: Payara cannot inject Optional<List<String>>

    @Inject @ConfigProperty(name = "huddle.websocket.outbox.maxMessages")
    int outboxMaxMessages;

    @Inject @ConfigProperty(name = "huddle.websocket.outbox.maxBytes")
    long outboxMaxBytes;

    @Inject @ConfigProperty(name = "huddle.websocket.outbox.concurrentSends")
    String outboxConcurrentSends;

    @Inject @ConfigProperty(name = "huddle.web.fingerprintOptions.cookieKey")
    String cookieKey;

    @Inject @ConfigProperty(name = "huddle.web.fingerprintOptions.settings.expires")
    long cookieExpiresMillis;

    @Inject @ConfigProperty(name = "huddle.web.maxBodyBytes")
    int maxBodyBytes;

    @Inject @ConfigProperty(name = "huddle.web.bodyTimeout")
    long bodyTimeoutMillis;

    @Inject @ConfigProperty(name = "huddle.general.apiVersion")
    String apiVersion;

    @Inject @ConfigProperty(name = "huddle.general.simultaneousActions")
    int simultaneousActions;

    @Inject @ConfigProperty(name = "huddle.general.actionTimeout")
    long actionTimeoutMillis;

    @Inject @ConfigProperty(name = "huddle.general.maxFileBytes")
    int maxFileBytes;

    @Inject @ConfigProperty(name = "huddle.status.maxHeapUsage")
    double maxHeapUsage;

    @Inject @ConfigProperty(name = "huddle.general.startingChatRooms")
    Optional<String> startingChatRooms;

    @Inject @ConfigProperty(name = "huddle.general.rpcTimeout")
    long rpcTimeoutMillis;

    @Inject @ConfigProperty(name = "huddle.chat.maxRoomNameLength")
    int maxRoomNameLength;

    @Inject @ConfigProperty(name = "huddle.chat.maxRoomsPerConnection")
    int maxRoomsPerConnection;

    @Inject @ConfigProperty(name = "huddle.chat.presence")
    boolean presence;

    @Inject @ConfigProperty(name = "huddle.chat.presenceView")
    String presenceView;

    @Inject @ConfigProperty(name = "huddle.chat.metadata.maxKeys")
    int metadataMaxKeys;

    @Inject @ConfigProperty(name = "huddle.chat.metadata.maxBytes")
    int metadataMaxBytes;

    @Inject @ConfigProperty(name = "huddle.redis.address")
    Optional<String> redisAddress;

    @Inject @ConfigProperty(name = "huddle.redis.configFile")
    Optional<String> redisConfigFile;

    @Inject @ConfigProperty(name = "huddle.redis.password")
    Optional<String> redisPassword;

    @Inject @ConfigProperty(name = "huddle.redis.prefix")
    String redisPrefix;

    @Inject @ConfigProperty(name = "huddle.redis.timeout")
    long redisTimeoutMillis;

    @Inject @ConfigProperty(name = "huddle.redis.maxRoomsPerNode")
    int redisMaxRoomsPerNode;

    @Inject @ConfigProperty(name = "huddle.cluster.nodeTimeout")
    long nodeTimeoutMillis;

    @Inject @ConfigProperty(name = "huddle.websocket.clientUrl")
    Optional<String> clientUrl;

    @Inject @ConfigProperty(name = "huddle.websocket.client.reconnect.min")
    long clientReconnectMinMillis;

    @Inject @ConfigProperty(name = "huddle.websocket.client.reconnect.max")
    long clientReconnectMaxMillis;

    @Inject @ConfigProperty(name = "huddle.websocket.client.reconnect.factor")
    double clientReconnectFactor;

    @Inject @ConfigProperty(name = "huddle.websocket.client.reconnect.retries")
    Optional<Integer> clientReconnectRetries;

    @Inject @ConfigProperty(name = "huddle.websocket.client.reconnect.jitter")
    double clientReconnectJitter;

    @Inject @ConfigProperty(name = "huddle.websocket.client.requestTimeout")
    long clientRequestTimeoutMillis;

    @Inject @ConfigProperty(name = "huddle.websocket.client.queueSize")
    int clientQueueSize;

    public String welcomeMessage() { return welcomeMessage; }

    /** A Redis URL ({@code redis://host:6379}, {@code rediss://} for TLS): set, the node joins a cluster. */
    public Optional<String> redisAddress() { return redisAddress.filter(s -> !s.isBlank()); }

    /** A Redisson YAML file for sentinel, replicated or Redis Cluster setups; wins over the address. */
    public Optional<String> redisConfigFile() { return redisConfigFile.filter(s -> !s.isBlank()); }

    public Optional<String> redisPassword() { return redisPassword.filter(s -> !s.isBlank()); }

    /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
    public String redisPrefix() { return redisPrefix; }

    /** How long one Redis call may take before it fails with a clear error. */
    public long redisTimeoutMillis() { return redisTimeoutMillis; }

    /**
     * Rooms with local members one node serves at most: each is one Redis pub/sub subscription, and Redisson's
     * subscription capacity is sized from it. A join past it fails with a clear error.
     */
    public int redisMaxRoomsPerNode() { return redisMaxRoomsPerNode; }

    /** A node whose heartbeat is older than this is dead: its members are removed by the survivors. */
    public long nodeTimeoutMillis() { return nodeTimeoutMillis; }

    /** Rooms created at boot (ActionHero's startingChatRooms keys). */
    public List<String> startingChatRooms() { return commaSeparated(startingChatRooms); }

    /** How long a node waits for another node to answer a directed command. */
    public long rpcTimeoutMillis() { return rpcTimeoutMillis; }

    public int maxRoomNameLength() { return maxRoomNameLength; }

    public int maxRoomsPerConnection() { return maxRoomsPerConnection; }

    /** Whether rooms announce joins and leaves unless configured otherwise per room. */
    public boolean presence() { return presence; }

    /** {@code connections} or {@code users}: what presence and roomView count, unless set per room. */
    public String presenceView() { return presenceView; }

    /** Per-room override of a chat setting: {@code huddle.chat.rooms.<room>.<name>}. */
    public Optional<String> roomSetting(String room, String name) {
        return ConfigProvider.getConfig()
                .getOptionalValue("huddle.chat.rooms." + room + "." + name, String.class);
    }

    public int metadataMaxKeys() { return metadataMaxKeys; }

    public int metadataMaxBytes() { return metadataMaxBytes; }

    /** The node id, unique in a cluster: configured, else the host name plus the process id. */
    public Optional<String> configuredNodeId() { return nodeId.filter(s -> !s.isBlank()); }

    public String serverName() { return serverName; }

    /** Milliseconds between heartbeats; 0 or less turns the heartbeat off. */
    public long pingIntervalMillis() { return pingIntervalMillis; }

    /** Largest inbound text frame in bytes; bigger frames close the connection with 1009. */
    public int maxFrameBytes() { return maxFrameBytes; }

    public boolean destroyClientsOnShutdown() { return destroyClientsOnShutdown; }

    /** Origins allowed to open a websocket besides the server's own; {@code *} allows any. */
    public List<String> allowedOrigins() { return commaSeparated(allowedOrigins); }

    public int outboxMaxMessages() { return outboxMaxMessages; }

    public long outboxMaxBytes() { return outboxMaxBytes; }

    /** Async sends a connection may have in flight at once, or {@code auto} to pick per container. */
    public String outboxConcurrentSends() { return outboxConcurrentSends; }

    public String cookieKey() { return cookieKey; }

    /** How long the fingerprint cookie lives, in ms from the response that set it. */
    public long cookieExpiresMillis() { return cookieExpiresMillis; }

    /** Largest HTTP request body {@code /api} accepts, in bytes. */
    public int maxBodyBytes() { return maxBodyBytes; }

    /** How long {@code /api} waits for a request body to arrive in full, in ms. */
    public long bodyTimeoutMillis() { return bodyTimeoutMillis; }

    /** The application's version, as the status action and {@code serverInformation} report it. */
    public String apiVersion() { return apiVersion; }

    /** Actions one connection may have in flight at once (ActionHero's {@code simultaneousActions}). */
    public int simultaneousActions() { return simultaneousActions; }

    /** After this many ms a running action is answered with a timeout error and interrupted. */
    public long actionTimeoutMillis() { return actionTimeoutMillis; }

    /** Largest public file the websocket {@code file} event sends, in bytes. */
    public int maxFileBytes() { return maxFileBytes; }

    /** Share of the maximum heap above which the status action reports the node unhealthy. */
    public double maxHeapUsage() { return maxHeapUsage; }

    /**
     * The origin the browser client connects to; empty (or ActionHero's literal {@code window.location.origin}) means
     * the page's own origin.
     */
    public Optional<String> clientUrl() {
        return clientUrl.map(String::trim).filter(u -> !u.isEmpty() && !u.equals("window.location.origin"));
    }

    /**
     * Directory of the served client under {@code /public/} and {@code /}, without leading or trailing slashes; empty
     * puts the client right there.
     */
    public String clientJsPath() {
        return valueOrEmpty("huddle.websocket.clientJsPath").map(p -> p.replaceAll("^/+|/+$", "")).orElse("");
    }

    /** File name of the served client without extension; empty means no client is served. */
    public Optional<String> clientJsName() {
        return valueOrEmpty("huddle.websocket.clientJsName").filter(n -> !n.isEmpty());
    }

    /** The client's first reconnect delay in ms. */
    public long clientReconnectMinMillis() { return clientReconnectMinMillis; }

    /** The client's longest reconnect delay in ms. */
    public long clientReconnectMaxMillis() { return clientReconnectMaxMillis; }

    /** How much the client's reconnect delay grows per attempt. */
    public double clientReconnectFactor() { return clientReconnectFactor; }

    /** Reconnect attempts before the client gives up; empty means it never does. */
    public Optional<Integer> clientReconnectRetries() { return clientReconnectRetries; }

    /** 0..1: the share of each reconnect delay taken off at random, so clients do not all return at once. */
    public double clientReconnectJitter() { return clientReconnectJitter; }

    /** Ms before the client fails a request that got no reply; 0 waits forever. */
    public long clientRequestTimeoutMillis() { return clientRequestTimeoutMillis; }

    /** Requests the client keeps while offline; the oldest fails when more are made. */
    public int clientQueueSize() { return clientQueueSize; }

    /**
     * The value from the most important config source that sets {@code name}, even when empty. Implementations
     * differ here: WildFly's lets an empty value hide the default, Payara's falls through to the default; where an
     * empty value switches something off, it has to win on both.
     */
    private static Optional<String> valueOrEmpty(String name) {
        for (ConfigSource source : ConfigProvider.getConfig().getConfigSources()) {
            String value = source.getValue(name);
            if (value != null) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    private static List<String> commaSeparated(Optional<String> value) {
        return value.map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }
}
