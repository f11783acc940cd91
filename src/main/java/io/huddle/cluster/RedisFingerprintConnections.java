package io.huddle.cluster;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import static io.huddle.cluster.RedisCalls.guarded;

/**
 * {@link FingerprintConnections} in Redis: one hash per fingerprint (node instance, {@code <node id>/<started at>} →
 * its open connections), so a script sums the live instances' fields and adds one in a single step on one slot
 * (Redis Cluster). A dead instance's field is simply left out of the sum, and so is what a node's previous run left
 * when it restarts under the same id: no survivor has to find the hashes it wrote, and a hash expires a day after its
 * last change. A node that started after this node's last liveness check is not in the live set yet and its
 * connections are not counted for that moment: a brief, bounded overshoot, never a wrong refusal.
 */
final class RedisFingerprintConnections implements FingerprintConnections {

    /** How long a fingerprint's hash outlives its last change; a change refreshes it. */
    static final long EXPIRY_MILLIS = 24 * 60 * 60 * 1000L;

    private static final String ADMIT = """
            local total = 0
            for i = 4, #ARGV do
              total = total + tonumber(redis.call('hget', KEYS[1], ARGV[i]) or '0')
            end
            if total >= tonumber(ARGV[2]) then return 0 end
            redis.call('hincrby', KEYS[1], ARGV[1], 1)
            redis.call('pexpire', KEYS[1], ARGV[3])
            return 1
            """;

    private static final String RELEASE = """
            local left = redis.call('hincrby', KEYS[1], ARGV[1], -1)
            if left <= 0 then redis.call('hdel', KEYS[1], ARGV[1]) end
            if redis.call('exists', KEYS[1]) == 1 then redis.call('pexpire', KEYS[1], ARGV[2]) end
            return left
            """;

    private static final String SET = """
            if tonumber(ARGV[2]) <= 0 then
              redis.call('hdel', KEYS[1], ARGV[1])
            else
              redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
              redis.call('pexpire', KEYS[1], ARGV[3])
            end
            return 1
            """;

    private final RedissonClient redis;
    private final RedisKeys keys;
    private final String instance;
    private final Supplier<? extends Iterable<String>> liveInstances;
    private final BooleanSupplier connected;

    /**
     * @param instance      this node's run ({@link NodeLiveness#instance()}): its field in every hash
     * @param liveInstances the instances whose heartbeat is current, this one included
     * @param connected     whether this node's last beat reached Redis
     */
    RedisFingerprintConnections(RedissonClient redis, RedisKeys keys, String instance,
                                Supplier<? extends Iterable<String>> liveInstances, BooleanSupplier connected) {
        this.redis = redis;
        this.keys = keys;
        this.instance = instance;
        this.liveInstances = liveInstances;
        this.connected = connected;
    }

    @Override
    public boolean admit(String fingerprint, int max) {
        if (!connected.getAsBoolean()) {
            throw new ClusterUnavailable("count the connections of a fingerprint");
        }
        List<Object> args = new ArrayList<>();
        args.add(instance);
        args.add(Integer.toString(max));
        args.add(Long.toString(EXPIRY_MILLIS));
        args.add(instance);
        for (String live : liveInstances.get()) {
            if (!live.equals(instance)) {
                args.add(live);
            }
        }
        Long admitted = guarded("count the connections of a fingerprint", () -> script().eval(
                RScript.Mode.READ_WRITE, ADMIT, RScript.ReturnType.LONG, List.of(keys.fingerprintConnections(fingerprint)),
                args.toArray()));
        return admitted != null && admitted == 1;
    }

    @Override
    public void release(String fingerprint) {
        guarded("release a connection of a fingerprint", () -> script().eval(RScript.Mode.READ_WRITE, RELEASE,
                RScript.ReturnType.LONG, List.of(keys.fingerprintConnections(fingerprint)), instance,
                Long.toString(EXPIRY_MILLIS)));
    }

    @Override
    public void rewrite(Map<String, Integer> counts) {
        // one script per fingerprint: each hash may live on its own slot
        counts.forEach((fingerprint, count) -> guarded("rewrite the connections of a fingerprint",
                () -> script().eval(RScript.Mode.READ_WRITE, SET, RScript.ReturnType.LONG,
                        List.of(keys.fingerprintConnections(fingerprint)), instance, Integer.toString(count),
                        Long.toString(EXPIRY_MILLIS))));
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }
}
