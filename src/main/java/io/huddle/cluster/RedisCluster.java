package io.huddle.cluster;

import io.huddle.config.ClusterSettings;
import io.huddle.config.HistorySettings;
import jakarta.enterprise.event.Event;
import jakarta.json.bind.Jsonb;
import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's membership of a Redis-backed cluster: the Redisson client, the store, bus and directory on top of it,
 * and the heartbeat that keeps them true. Each beat refreshes this node's {@link NodeLiveness}, notices when Redis
 * came back or lost its data ({@link ClusterReconnected}), retries the subscriptions and registrations that did not
 * take, and checks the other nodes.
 */
final class RedisCluster {

    private static final Logger LOG = Logger.getLogger(RedisCluster.class.getName());

    private final String nodeId;
    private final RedisKeys keys;
    private final long nodeTimeoutMillis;
    private final RedissonClient redis;
    private final RedisRoomStore store;
    private final RedisRoomChannels channels;
    private final RedisRoomHistory history;
    private final RedisNodeRpc rpc;
    private final ClusterBus bus;
    private final RedisConnectionDirectory directory;
    private final RedisFingerprintConnections fingerprints;
    private final NodeLiveness liveness;
    private final PubSubProbe probe;
    private final Event<ClusterReconnected> reconnected;
    private volatile boolean connected;
    private boolean stopped;
    private ScheduledFuture<?> beats;

    RedisCluster(ClusterSettings config, String nodeId, Jsonb jsonb, RoomDelivery delivery, RoomCodec codec,
                 NodeCommandHandler commands, Executor commandExecutor, Event<NodeDied> died,
                 Event<ClusterReconnected> reconnected, Function<String, HistorySettings.Limits> historyLimits) {
        this.nodeId = nodeId;
        this.nodeTimeoutMillis = config.nodeTimeoutMillis();
        this.keys = new RedisKeys(config.prefix());
        Config redissonConfig = RedissonSettings.of(config);
        this.redis = Redisson.create(redissonConfig);
        PubSubTopics topics = new PubSubTopics(redis, redissonConfig.isClusterConfig());
        this.store = new RedisRoomStore(redis, keys, jsonb);
        this.history = new RedisRoomHistory(redis, keys, codec, topics.sharded(), historyLimits);
        this.channels = new RedisRoomChannels(topics, keys, nodeId, delivery, codec, history,
                config.redisTimeoutMillis(),
                config.maxRoomsPerNode());
        this.rpc = new RedisNodeRpc(topics, keys, jsonb, nodeId, commands, commandExecutor,
                config.rpcTimeoutMillis());
        this.bus = new RedisClusterBus(nodeId, channels, rpc);
        this.liveness = new NodeLiveness(redis, keys, nodeId, nodeTimeoutMillis, died, this::forget);
        this.directory = new RedisConnectionDirectory(redis, keys, nodeId, liveness);
        this.fingerprints = new RedisFingerprintConnections(redis, keys, liveness.instance(),
                liveness::liveInstances, this::connected);
        this.probe = new PubSubProbe(keys, nodeId, topics);
        this.reconnected = reconnected;
    }

    RoomStore store() {
        return store;
    }

    RoomHistory history() {
        return history;
    }

    ClusterBus bus() {
        return bus;
    }

    ConnectionDirectory directory() {
        return directory;
    }

    FingerprintConnections fingerprints() {
        return fingerprints;
    }

    void start(ScheduledExecutorService scheduler) {
        rpc.listen();
        long period = Math.max(200, nodeTimeoutMillis / 3);
        beats = scheduler.scheduleWithFixedDelay(this::beat, 0, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Synchronized with {@link #stop}: a beat that finds Redis again rewrites this node's rooms and members
     * ({@link ClusterReconnected}), which must not re-add, after the stop removed them, members that left meanwhile.
     */
    synchronized void beat() {
        if (stopped) {
            return;
        }
        try {
            boolean unknown = liveness.beat();
            if (!connected || unknown) {
                boolean first = !connected && unknown;
                LOG.info(() -> "node " + nodeId + (first ? " joined" : " is back in") + " the cluster at Redis;"
                        + " rewriting its rooms and members");
                history.loadScripts();
                connected = true;
                reconnected.fire(new ClusterReconnected());
            }
            channels.resubscribe(); // any subscription that failed while Redis was flaky
            rpc.ensureListening();
            if (probe.check()) {
                channels.resubscribeAll();
                rpc.relisten();
            }
            directory.retryFailedRegistrations();
            liveness.checkOtherNodes();
        } catch (RuntimeException e) {
            if (connected) {
                LOG.log(Level.WARNING, "node " + nodeId + " lost Redis: serving its own connections only until it"
                        + " is back (" + e + ")");
            }
            connected = false;
        }
    }

    /** Forgets what the store and the directory recorded about a dead node, after its members were removed. */
    private void forget(String node) {
        store.forgetNode(node);
        directory.forgetNode(node);
    }

    /**
     * The fingerprint secret of the cluster: {@code candidate} if no node stored one before (SET NX), else the one
     * stored, so every node signs and checks fingerprints alike.
     *
     * @throws ClusterUnavailable when Redis does not answer
     */
    String agreeOnFingerprintSecret(String candidate) {
        return RedisCalls.guarded("agree on the fingerprint secret", () -> {
            RBucket<String> secret = redis.getBucket(keys.fingerprintSecret(), StringCodec.INSTANCE);
            secret.setIfAbsent(candidate);
            return secret.get();
        });
    }

    /** This node's pub/sub subscriptions and what went wrong with them. */
    PubSubStats pubSub() {
        return channels.stats();
    }

    /** Whether the last beat reached Redis. */
    boolean connected() {
        return connected;
    }

    /**
     * Clean stop: this node's members were removed as their connections closed; whatever membership Redis still
     * records for it (a leave that failed, or one a reconnect rewrite re-added) is removed too, then it leaves the
     * cluster at once. Survivors clean up only after nodes that stop beating, so a leftover here would stay for good.
     */
    synchronized void stop() {
        stopped = true;
        if (beats != null) {
            beats.cancel(false);
        }
        try {
            int removed = store.removeMembershipsOf(nodeId, (room, departure) -> { });
            if (removed > 0) {
                LOG.info(() -> "node " + nodeId + " removed " + removed + " memberships still in Redis as it stopped");
            }
            liveness.leave();
            directory.forgetNode(nodeId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not deregister node " + nodeId, e);
        }
        rpc.close();
        redis.shutdown();
    }
}
