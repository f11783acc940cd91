package io.huddle.cluster;

import io.huddle.config.ClusterSettings;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.BaseConfig;
import org.redisson.config.BaseMasterSlaveServersConfig;
import org.redisson.config.ClusterServersConfig;
import org.redisson.config.Config;
import org.redisson.config.ReadMode;
import org.redisson.config.SingleServerConfig;
import org.redisson.config.SubscriptionMode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * The Redisson configuration a node runs with: Huddle's {@code huddle.redis.address} or the operator's YAML file,
 * with the pub/sub capacity sized for {@code huddle.redis.maxRoomsPerNode}.
 *
 * <p>Every room with a local member is one subscription. Redisson's defaults allow 5 subscriptions on each of 50
 * connections — 250 rooms, after which a subscription waits for a free slot and fails — while one Redis connection
 * holds any number of channels. So a node puts all its channels on one pub/sub connection per Redis master (a
 * second one is the spare Redisson may open while the first reconnects), and what bounds rooms per node is memory.
 */
final class RedissonSettings {

    private static final Logger LOG = Logger.getLogger(RedissonSettings.class.getName());

    /** Redisson's defaults: a YAML file that kept them gets Huddle's sizing, any other value is the operator's. */
    private static final int REDISSON_SUBSCRIPTIONS_PER_CONNECTION = 5;
    private static final int REDISSON_SUBSCRIPTION_POOL = 50;
    private static final int REDISSON_SCAN_INTERVAL = 5000;
    private static final int REDISSON_PING_INTERVAL = 30000;

    /** Channels a node holds besides its rooms': its command channel and its pub/sub probes. */
    static final int OWN_CHANNELS = 1 + PubSubProbe.CHANNELS;

    /** Pub/sub connections per Redis master: one in use, one spare. */
    static final int SUBSCRIPTION_CONNECTIONS = 2;

    /**
     * How often Redisson pings each command connection and reconnects one that does not answer. Pub/sub connections
     * are not pinged ({@link PubSubWithoutPing}); TCP keepalive bounds how long a half-open one stays deaf.
     */
    static final int PING_INTERVAL_MILLIS = 5000;

    /** TCP keepalive on every Redis connection: probes after 5 s idle, every 2 s, 3 unanswered close it (≈ 11 s). */
    static final int KEEPALIVE_IDLE_SECONDS = 5;
    static final int KEEPALIVE_INTERVAL_SECONDS = 2;
    static final int KEEPALIVE_PROBES = 3;

    /** How often Redisson reads a Redis Cluster's topology, so a promoted replica is used within about this. */
    static final int CLUSTER_SCAN_INTERVAL_MILLIS = 1000;

    private RedissonSettings() {
    }

    static Config of(ClusterSettings settings) {
        Config config = settings.redisConfigFile().isPresent() ? fromFile(settings.redisConfigFile().get())
                : singleServer(settings);
        int perConnection = settings.maxRoomsPerNode() + OWN_CHANNELS;
        BaseConfig<?> servers = servers(config);
        if (servers.getSubscriptionsPerConnection() == REDISSON_SUBSCRIPTIONS_PER_CONNECTION) {
            servers.setSubscriptionsPerConnection(perConnection);
        } else if (servers.getSubscriptionsPerConnection() < perConnection) {
            LOG.warning(() -> "huddle.redis.configFile sets subscriptionsPerConnection "
                    + servers.getSubscriptionsPerConnection() + ": below huddle.redis.maxRoomsPerNode, so joins may"
                    + " fail before that limit");
        }
        if (servers.getPingConnectionInterval() == REDISSON_PING_INTERVAL) {
            servers.setPingConnectionInterval(PING_INTERVAL_MILLIS);
        }
        if (servers instanceof SingleServerConfig single
                && single.getSubscriptionConnectionPoolSize() == REDISSON_SUBSCRIPTION_POOL) {
            single.setSubscriptionConnectionPoolSize(SUBSCRIPTION_CONNECTIONS);
            single.setSubscriptionConnectionMinimumIdleSize(1);
        } else if (servers instanceof BaseMasterSlaveServersConfig<?> masters) {
            if (masters.getSubscriptionConnectionPoolSize() == REDISSON_SUBSCRIPTION_POOL) {
                masters.setSubscriptionConnectionPoolSize(SUBSCRIPTION_CONNECTIONS);
                masters.setSubscriptionConnectionMinimumIdleSize(1);
            }
            // a join reads the room it was just created in, roomView the member just added: replicas lag
            masters.setReadMode(ReadMode.MASTER);
            masters.setSubscriptionMode(SubscriptionMode.MASTER);
        }
        if (servers instanceof ClusterServersConfig cluster && cluster.getScanInterval() == REDISSON_SCAN_INTERVAL) {
            cluster.setScanInterval(CLUSTER_SCAN_INTERVAL_MILLIS);
        }
        config.setNettyHook(new PubSubWithoutPing(config.getNettyHook()));
        if (config.getTcpKeepAliveIdle() == 0 && config.getTcpKeepAliveInterval() == 0
                && config.getTcpKeepAliveCount() == 0) {
            config.setTcpKeepAlive(true)
                    .setTcpKeepAliveIdle(KEEPALIVE_IDLE_SECONDS)
                    .setTcpKeepAliveInterval(KEEPALIVE_INTERVAL_SECONDS)
                    .setTcpKeepAliveCount(KEEPALIVE_PROBES);
        }
        // deploy even when Redis is down: connect on first use, and keep retrying
        config.setLazyInitialization(true);
        config.setCodec(StringCodec.INSTANCE);
        return config;
    }

    private static Config fromFile(String path) {
        try {
            return Config.fromYAML(new File(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read huddle.redis.configFile " + path, e);
        }
    }

    private static Config singleServer(ClusterSettings settings) {
        Config config = new Config();
        SingleServerConfig server = config.useSingleServer()
                .setAddress(settings.redisAddress().orElseThrow())
                .setTimeout((int) settings.redisTimeoutMillis())
                .setConnectTimeout((int) settings.redisTimeoutMillis())
                .setRetryAttempts(1)
                .setRetryInterval(500);
        settings.redisPassword().ifPresent(server::setPassword);
        return config;
    }

    /** The server section of a configuration: {@code use…()} returns the one the file declared. */
    private static BaseConfig<?> servers(Config config) {
        if (config.isClusterConfig()) {
            return config.useClusterServers();
        }
        if (config.isSentinelConfig()) {
            return config.useSentinelServers();
        }
        if (config.isSingleConfig()) {
            return config.useSingleServer();
        }
        try {
            return config.useMasterSlaveServers();
        } catch (IllegalStateException replicated) {
            return config.useReplicatedServers();
        }
    }
}
