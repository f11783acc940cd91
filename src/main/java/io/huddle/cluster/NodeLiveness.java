package io.huddle.cluster;

import jakarta.enterprise.event.Event;
import org.redisson.api.RBucket;
import org.redisson.api.RSet;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Node liveness over Redis: this node's heartbeat key (with a TTL of {@code huddle.cluster.nodeTimeout}), the set of
 * known nodes, and which of them are alive. After a node's key expired, one survivor — whoever takes the node's
 * cleanup lock — fires {@link NodeDied} and forgets what Redis recorded about it.
 */
final class NodeLiveness implements LiveNodes {

    private static final Logger LOG = Logger.getLogger(NodeLiveness.class.getName());

    private final RedissonClient redis;
    private final RedisKeys keys;
    private final String nodeId;
    private final long nodeTimeoutMillis;
    private final Event<NodeDied> died;
    private final Consumer<String> forgetNode;
    private final String startedAt = Long.toString(System.currentTimeMillis());
    private final Set<String> liveNodes = ConcurrentHashMap.newKeySet();
    /** "node/startedAt" of every node beating at the last check, this one included. */
    private volatile Set<String> liveInstances = Set.of();

    /** @param forgetNode forgets what the store and directory recorded about a dead node, after {@link NodeDied} */
    NodeLiveness(RedissonClient redis, RedisKeys keys, String nodeId, long nodeTimeoutMillis, Event<NodeDied> died,
                 Consumer<String> forgetNode) {
        this.redis = redis;
        this.keys = keys;
        this.nodeId = nodeId;
        this.nodeTimeoutMillis = nodeTimeoutMillis;
        this.died = died;
        this.forgetNode = forgetNode;
    }

    /**
     * Refreshes this node's heartbeat; true when Redis did not know it (its first beat, or Redis lost its data).
     * Throws when Redis is away.
     */
    boolean beat() {
        String previous = heartbeat(nodeId).getAndSet(startedAt, Duration.ofMillis(nodeTimeoutMillis));
        nodes().add(nodeId);
        return previous == null;
    }

    /** Notes which known nodes still beat, and cleans up after those that stopped. */
    void checkOtherNodes() {
        Set<String> alive = new HashSet<>();
        Set<String> instances = new HashSet<>();
        alive.add(nodeId);
        instances.add(instance());
        for (Object known : nodes().readAll()) {
            String node = (String) known;
            if (node.equals(nodeId)) {
                continue;
            }
            String started = heartbeat(node).get();
            if (started != null) {
                alive.add(node);
                instances.add(node + "/" + started);
            } else {
                cleanUpAfter(node);
            }
        }
        liveNodes.retainAll(alive);
        liveNodes.addAll(alive);
        liveInstances = Set.copyOf(instances);
    }

    private void cleanUpAfter(String node) {
        RBucket<String> lock = redis.getBucket(keys.cleanupLock(node), StringCodec.INSTANCE);
        if (!lock.setIfAbsent(nodeId, Duration.ofMinutes(1))) {
            return; // another survivor is on it
        }
        LOG.info(() -> "node " + node + " stopped beating: removing its members");
        try {
            died.fire(new NodeDied(node));
            forgetNode.accept(node);
            nodes().remove(node);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cleanup after node " + node + " failed; retried", e);
            lock.delete();
        }
    }

    @Override
    public boolean isAlive(String node) {
        if (nodeId.equals(node) || liveNodes.contains(node)) {
            return true;
        }
        // a node that started after this node's last check is not in its list of live nodes yet (for up to a third
        // of huddle.cluster.nodeTimeout): ask Redis now rather than call its fresh connections unknown
        boolean beating = RedisCalls.guarded("check node " + node, () -> heartbeat(node).isExists());
        if (beating) {
            liveNodes.add(node); // the next check confirms or drops it
        }
        return beating;
    }

    /**
     * This run of this node: its id and when it started. A node restarted under the same id is another instance, so
     * what its previous run left in Redis is not taken for its own.
     */
    String instance() {
        return nodeId + "/" + startedAt;
    }

    /** The instances ({@link #instance()}) found beating at the last check, this one always included. */
    Set<String> liveInstances() {
        Set<String> live = liveInstances;
        if (live.contains(instance())) {
            return live;
        }
        Set<String> withThis = new HashSet<>(live);
        withThis.add(instance());
        return withThis;
    }

    /** Clean stop: this node leaves the set of nodes at once instead of when its heartbeat expires. */
    void leave() {
        heartbeat(nodeId).delete();
        nodes().remove(nodeId);
    }

    private RBucket<String> heartbeat(String node) {
        return redis.getBucket(keys.nodeHeartbeat(node), StringCodec.INSTANCE);
    }

    private RSet<Object> nodes() {
        return redis.getSet(keys.nodes(), StringCodec.INSTANCE);
    }
}
