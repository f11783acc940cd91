package io.huddle.cluster;

import io.huddle.config.ClusterSettings;
import io.huddle.config.HistorySettings;
import io.huddle.connection.Connections;
import io.huddle.connection.FrameEncoder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Chooses the cluster implementations at boot: Redis when {@code huddle.redis.address} (or
 * {@code huddle.redis.configFile}) is set, otherwise the in-memory ones for a single node.
 */
@ApplicationScoped
public class ClusterSetup {

    private static final Logger LOG = Logger.getLogger(ClusterSetup.class.getName());

    @Inject
    ClusterSettings settings;

    @Inject
    NodeIdentity node;

    @Inject
    HistorySettings historySettings;

    @Inject
    RoomDelivery delivery;

    @Inject
    RoomCodec codec;

    @Inject
    NodeCommandHandler commands;

    @Inject
    Connections connections;

    @Inject
    FrameEncoder encoder;

    @Inject
    Event<NodeDied> died;

    @Inject
    Event<ClusterReconnected> reconnected;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private RedisCluster redis;
    private RoomStore store;
    private ClusterBus bus;
    private RoomHistory history;
    private ConnectionDirectory directory;
    private FingerprintConnections fingerprints = FingerprintConnections.SINGLE_NODE;

    @PostConstruct
    void choose() {
        if (settings.clustered()) {
            LOG.info(() -> "node " + node.id() + ": clustering over Redis "
                    + settings.redisAddress().orElse(settings.redisConfigFile().orElse("")) + " (key prefix "
                    + settings.prefix() + ")");
            redis = new RedisCluster(settings, node.id(), encoder.jsonb(), delivery, codec, commands, executor, died,
                    reconnected, historySettings::limitsFor);
            store = redis.store();
            bus = redis.bus();
            history = redis.history();
            directory = redis.directory();
            fingerprints = redis.fingerprints();
        } else {
            LOG.info(() -> "node " + node.id() + ": single node, rooms and members in memory (set"
                    + " huddle.redis.address to cluster)");
            store = new InMemoryRoomStore();
            InMemoryRoomHistory kept = new InMemoryRoomHistory(historySettings::limitsFor, store::exists);
            history = kept;
            bus = new InMemoryClusterBus(node.id(), delivery, commands, kept);
            directory = new InMemoryConnectionDirectory(node.id(), connections);
        }
    }

    /** Starts the node heartbeat once the application is up (the beat fires events other beans observe). */
    void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (redis != null) {
            redis.start(scheduler);
        }
    }

    /** Whether this node is clustered over Redis. */
    public boolean clustered() {
        return redis != null;
    }

    /** This node's Redis pub/sub counters; empty for a single node. */
    public Optional<PubSubStats> pubSub() {
        return redis == null ? Optional.empty() : Optional.of(redis.pubSub());
    }

    /**
     * The secret every node of the cluster signs fingerprints with: {@code candidate} on a single node or when this
     * node is the first to store one in Redis, else the one stored.
     *
     * @throws ClusterUnavailable when Redis does not answer
     */
    public String agreeOnFingerprintSecret(String candidate) {
        return redis == null ? candidate : redis.agreeOnFingerprintSecret(candidate);
    }

    /** Whether the cluster's shared store is reachable (always true for a single node). */
    public boolean healthy() {
        return redis == null || redis.connected();
    }

    @Produces
    @ApplicationScoped
    RoomStore roomStore() {
        return store;
    }

    @Produces
    @ApplicationScoped
    ClusterBus clusterBus() {
        return bus;
    }

    @Produces
    @ApplicationScoped
    RoomHistory roomHistory() {
        return history;
    }

    @Produces
    @ApplicationScoped
    ConnectionDirectory connectionDirectory() {
        return directory;
    }

    @Produces
    @ApplicationScoped
    FingerprintConnections fingerprintConnections() {
        return fingerprints;
    }

    @PreDestroy
    void stop() {
        if (redis != null) {
            redis.stop();
        }
    }
}
