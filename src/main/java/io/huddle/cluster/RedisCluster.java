package io.huddle.cluster;

import io.huddle.config.HuddleConfig;
import jakarta.enterprise.event.Event;
import jakarta.json.bind.Jsonb;
import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's membership of a Redis-backed cluster: the Redisson client, the store, bus and directory on top of it,
 * and the node heartbeat. Each beat refreshes this node's key (with a TTL), notices when Redis came back or lost
 * its data ({@link ClusterReconnected}), and lets one survivor clean up after each node whose key expired
 * ({@link NodeDied}).
 */
final class RedisCluster {

    private static final Logger LOG = Logger.getLogger(RedisCluster.class.getName());

    private final String nodeId;
    private final long nodeTimeoutMillis;
    private final RedisKeys keys;
    private final RedissonClient redis;
    private final RedisRoomStore store;
    private final RedisClusterBus bus;
    private final RedisConnectionDirectory directory;
    private final PubSubProbe probe;
    private final Event<NodeDied> died;
    private final Event<ClusterReconnected> reconnected;
    private final String startedAt = Long.toString(System.currentTimeMillis());
    private volatile boolean connected;
    private ScheduledFuture<?> beats;

    RedisCluster(HuddleConfig config, String nodeId, Jsonb jsonb, RoomDelivery delivery, RoomCodec codec,
                 NodeCommandHandler commands,
                 Executor commandExecutor, Event<NodeDied> died, Event<ClusterReconnected> reconnected) {
        this.nodeId = nodeId;
        this.nodeTimeoutMillis = config.nodeTimeoutMillis();
        this.keys = new RedisKeys(config.redisPrefix());
        Config redissonConfig = RedissonSettings.of(config);
        this.redis = Redisson.create(redissonConfig);
        PubSubTopics topics = new PubSubTopics(redis, redissonConfig.isClusterConfig());
        this.store = new RedisRoomStore(redis, keys, jsonb);
        this.bus = new RedisClusterBus(topics, keys, jsonb, nodeId, delivery, codec, commands,
                commandExecutor,
                config.rpcTimeoutMillis(), config.redisTimeoutMillis(), config.redisMaxRoomsPerNode());
        this.probe = new PubSubProbe(keys, nodeId, topics);
        this.directory = new RedisConnectionDirectory(redis, keys, bus);
        this.died = died;
        this.reconnected = reconnected;
    }

    RoomStore store() {
        return store;
    }

    ClusterBus bus() {
        return bus;
    }

    ConnectionDirectory directory() {
        return directory;
    }

    void start(ScheduledExecutorService scheduler) {
        bus.listenForCommands();
        long period = Math.max(200, nodeTimeoutMillis / 3);
        beats = scheduler.scheduleWithFixedDelay(this::beat, 0, period, TimeUnit.MILLISECONDS);
    }

    void beat() {
        try {
            String previous = heartbeat(nodeId).getAndSet(startedAt, Duration.ofMillis(nodeTimeoutMillis));
            nodes().add(nodeId);
            if (!connected || previous == null) {
                boolean first = !connected && previous == null;
                LOG.info(() -> "node " + nodeId + (first ? " joined" : " is back in") + " the cluster at Redis;"
                        + " rewriting its rooms and members");
                connected = true;
                reconnected.fire(new ClusterReconnected());
            }
            bus.resubscribe(); // any subscription that failed while Redis was flaky
            if (probe.check()) {
                bus.resubscribeAll();
            }
            directory.retryFailedRegistrations();
            checkOtherNodes();
        } catch (RuntimeException e) {
            if (connected) {
                LOG.log(Level.WARNING, "node " + nodeId + " lost Redis: serving its own connections only until it"
                        + " is back (" + e + ")");
            }
            connected = false;
        }
    }

    private void checkOtherNodes() {
        Set<String> alive = new HashSet<>();
        alive.add(nodeId);
        for (Object known : nodes().readAll()) {
            String node = (String) known;
            if (node.equals(nodeId)) {
                continue;
            }
            if (heartbeat(node).isExists()) {
                alive.add(node);
            } else {
                cleanUpAfter(node);
            }
        }
        bus.liveNodes(alive);
    }

    private void cleanUpAfter(String node) {
        RBucket<String> lock = redis.getBucket(keys.cleanupLock(node), StringCodec.INSTANCE);
        if (!lock.setIfAbsent(nodeId, Duration.ofMinutes(1))) {
            return; // another survivor is on it
        }
        LOG.info(() -> "node " + node + " stopped beating: removing its members");
        try {
            died.fire(new NodeDied(node));
            store.forgetNode(node);
            directory.forgetNode(node);
            nodes().remove(node);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleanup after node " + node + " failed; retried", e);
            lock.delete();
        }
    }

    /** This node's pub/sub subscriptions and what went wrong with them. */
    PubSubStats pubSub() {
        return bus.stats();
    }

    /** Whether the last beat reached Redis. */
    boolean connected() {
        return connected;
    }

    /** Clean stop: this node's members were already removed; now it leaves the cluster at once. */
    void stop() {
        if (beats != null) {
            beats.cancel(false);
        }
        try {
            heartbeat(nodeId).delete();
            nodes().remove(nodeId);
            directory.forgetNode(nodeId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not deregister node " + nodeId, e);
        }
        bus.close();
        redis.shutdown();
    }

    private RBucket<String> heartbeat(String node) {
        return redis.getBucket(keys.nodeHeartbeat(node), StringCodec.INSTANCE);
    }

    private RSet<Object> nodes() {
        return redis.getSet(keys.nodes(), StringCodec.INSTANCE);
    }
}
