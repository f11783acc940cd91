package io.huddle.config;

import java.util.Optional;

/**
 * Redis and the cluster ({@code huddle.redis.*}, {@code huddle.cluster.*}, ActionHero's {@code rpcTimeout}).
 * Neither an address nor a config file means one node on in-memory stores.
 *
 * @param redisAddress      a Redis URL ({@code redis://host:6379}, {@code rediss://} for TLS)
 * @param redisConfigFile   a Redisson YAML file (sentinel, replicated, Redis Cluster); wins over the address
 * @param redisPassword     the password for the address
 * @param prefix            prefix of every Redis key and channel, so deployments can share one Redis
 * @param redisTimeoutMillis how long one Redis call may take before it fails with a clear error
 * @param maxRoomsPerNode   rooms with local members one node serves at most (Redisson's subscriptions are sized
 *                          from it)
 * @param nodeTimeoutMillis a node whose heartbeat is older is dead; survivors remove its members
 * @param rpcTimeoutMillis  how long a node waits for another node to answer a directed command
 */
public record ClusterSettings(Optional<String> redisAddress, Optional<String> redisConfigFile,
                              Optional<String> redisPassword, String prefix, long redisTimeoutMillis,
                              int maxRoomsPerNode, long nodeTimeoutMillis, long rpcTimeoutMillis) {

    /** Whether this node shares rooms over Redis. */
    public boolean clustered() {
        return redisAddress.isPresent() || redisConfigFile.isPresent();
    }

    static ClusterSettings read(SettingsReader settings) {
        Optional<String> address = settings.optionalText("huddle.redis.address");
        address.filter(a -> !a.startsWith("redis://") && !a.startsWith("rediss://")).ifPresent(a -> {
            throw SettingsReader.invalid("huddle.redis.address", a, "a redis:// or rediss:// URL");
        });
        return new ClusterSettings(address,
                settings.optionalText("huddle.redis.configFile"),
                settings.optionalText("huddle.redis.password"),
                settings.text("huddle.redis.prefix"),
                settings.atLeast("huddle.redis.timeout", 1),
                settings.intAtLeast("huddle.redis.maxRoomsPerNode", 1),
                settings.atLeast("huddle.cluster.nodeTimeout", 1000),
                settings.atLeast("huddle.general.rpcTimeout", 1));
    }
}
