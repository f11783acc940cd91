package io.huddle.cluster;

import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connection id → node in a Redis hash, plus a per-node set for cleanup. Writes are asynchronous: registering a
 * connection never waits on Redis; a lookup does, bounded by the Redis timeout. A registration Redis did not take is
 * retried on the node's next heartbeat, so a connection never stays unreachable from other nodes.
 */
public class RedisConnectionDirectory implements ConnectionDirectory {

    private static final Logger LOG = Logger.getLogger(RedisConnectionDirectory.class.getName());

    private final RedissonClient redis;
    private final RedisKeys keys;
    private final String nodeId;
    private final LiveNodes liveNodes;
    /** Connections whose registration failed, waiting for the next heartbeat. */
    private final Set<String> unregistered = ConcurrentHashMap.newKeySet();

    RedisConnectionDirectory(RedissonClient redis, RedisKeys keys, String nodeId, LiveNodes liveNodes) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        this.liveNodes = liveNodes;
    }

    @Override
    public void register(String connectionId) {
        try {
            directory().fastPutAsync(connectionId, nodeId)
                    .thenCompose(added -> redis.getSet(keys.nodeConnections(nodeId), StringCodec.INSTANCE)
                            .addAsync(connectionId))
                    .whenComplete((added, error) -> {
                        if (error != null) {
                            registrationFailed(connectionId, error);
                        }
                    });
        } catch (RuntimeException e) {
            registrationFailed(connectionId, e);
        }
    }

    private void registrationFailed(String connectionId, Throwable error) {
        unregistered.add(connectionId);
        LOG.log(Level.WARNING, "could not register connection " + connectionId + " in Redis (" + error
                + "); other nodes cannot reach it until the next heartbeat retries");
    }

    /** Registers again what failed before; called on every node heartbeat. */
    void retryFailedRegistrations() {
        for (String connectionId : List.copyOf(unregistered)) {
            if (unregistered.remove(connectionId)) {
                register(connectionId);
            }
        }
    }

    @Override
    public void unregister(String connectionId) {
        unregistered.remove(connectionId);
        try {
            directory().fastRemoveAsync(connectionId);
            redis.getSet(keys.nodeConnections(nodeId), StringCodec.INSTANCE).removeAsync(connectionId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not unregister " + connectionId, e);
        }
    }

    @Override
    public Optional<String> nodeOf(String connectionId) {
        String node = RedisCalls.guarded("find connection " + connectionId, () -> directory().get(connectionId));
        return node == null || liveNodes.isAlive(node) ? Optional.ofNullable(node) : Optional.empty();
    }

    /** Forgets the connections of a dead node. */
    void forgetNode(String node) {
        RedisCalls.guarded("forget connections of node " + node, () -> {
            var ids = redis.getSet(keys.nodeConnections(node), StringCodec.INSTANCE).readAll();
            if (!ids.isEmpty()) {
                directory().fastRemove(ids.stream().map(String::valueOf).toArray(String[]::new));
            }
            redis.getKeys().delete(keys.nodeConnections(node));
        });
    }

    private RMap<String, String> directory() {
        return redis.getMap(keys.connections(), StringCodec.INSTANCE);
    }
}
