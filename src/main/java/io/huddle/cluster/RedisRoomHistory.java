package io.huddle.cluster;

import io.huddle.config.HistorySettings;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.OptionalOptions;
import org.redisson.client.codec.StringCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static io.huddle.cluster.RedisCalls.guarded;

/**
 * The cluster's room history: a Redis stream per room (XADD with {@code MAXLEN ~}, so Redis trims it in whole
 * blocks; reads take only the newest {@code size}), beside a string holding the room's epoch, drawn by whoever finds
 * it missing (so a Redis that restarted empty starts a new epoch). A message is appended and published by one script
 * on the publishing node, so the order of stream ids is the order every subscriber receives the messages in. Both
 * keys are deleted when the room is destroyed ({@link #forget}); idle keys, and those of a message that raced the
 * destroy (its XADD makes the stream again), expire a day after the room's last message (or after the ttl, if
 * longer).
 */
final class RedisRoomHistory implements RoomHistory {

    /** Separates the stream id and the epoch from the message on the channel: neither contains a space. */
    static final char STAMP_SEPARATOR = ' ';

    private static final long IDLE_EXPIRY_MILLIS = TimeUnit.DAYS.toMillis(1);

    /** KEYS: stream, epoch, channel. ARGV: message, size, expiry ms, a fresh epoch, PUBLISH or SPUBLISH. */
    private static final String APPEND_AND_PUBLISH = """
            local epoch = redis.call('GET', KEYS[2])
            if not epoch then
              epoch = ARGV[4]
              redis.call('SET', KEYS[2], epoch)
            end
            local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', 'm', ARGV[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            redis.call(ARGV[5], KEYS[3], id .. ' ' .. epoch .. ' ' .. ARGV[1])
            return id
            """;

    /** KEYS: stream, epoch. ARGV: how many, a fresh epoch, expiry ms. Returns {epoch, id, message, id, message...}. */
    private static final String READ = """
            local epoch = redis.call('GET', KEYS[2])
            if not epoch then
              epoch = ARGV[2]
              redis.call('SET', KEYS[2], epoch, 'PX', ARGV[3])
            end
            local out = {epoch}
            local entries = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', ARGV[1])
            for i = #entries, 1, -1 do
              out[#out + 1] = entries[i][1]
              out[#out + 1] = entries[i][2][2]
            end
            return out
            """;

    private final RedissonClient redis;
    private final RedisKeys keys;
    private final RoomCodec codec;
    private final boolean sharded;
    private final Function<String, HistorySettings.Limits> limits;
    /** The append script's client: never re-sent (see {@link #appendAndPublish}). */
    private final RScript appendScript;

    RedisRoomHistory(RedissonClient redis, RedisKeys keys, RoomCodec codec, boolean sharded,
                     Function<String, HistorySettings.Limits> limits) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.sharded = sharded;
        this.limits = limits;
        this.appendScript = redis.getScript(OptionalOptions.defaults().codec(StringCodec.INSTANCE).retryAttempts(0));
    }

    /** The room's limits, for the channels. */
    HistorySettings.Limits limitsFor(String room) {
        return limits.apply(room);
    }

    /**
     * Appends {@code text} to the room's stream and publishes it, stamped with its id and epoch, on the room's
     * channel; completes with the id. Never re-sent: Redisson retries a call whose answer is late, and a second run
     * would keep and publish the message twice under two positions.
     */
    CompletionStage<Object> appendAndPublish(String room, String text, HistorySettings.Limits roomLimits) {
        return appendScript.evalAsync(RScript.Mode.READ_WRITE, APPEND_AND_PUBLISH, RScript.ReturnType.VALUE,
                List.of(keys.history(room), keys.historyEpoch(room), keys.roomChannel(room)), text,
                Integer.toString(roomLimits.size()), Long.toString(expiry(roomLimits)),
                InMemoryRoomHistory.newEpoch(), sharded ? "SPUBLISH" : "PUBLISH");
    }

    /**
     * Loads the append script into Redis (every primary of a Redis Cluster), so that a say runs by EVALSHA from the
     * first: unloaded, Redis answers the first EVALSHA {@code NOSCRIPT}, and when it is busy past the timeout that
     * answer comes after Redisson gave up, so the say is never appended nor published although Redis was only slow.
     * Called whenever this node finds Redis (again): one that restarted has forgotten its scripts.
     *
     * @throws ClusterUnavailable when Redis does not answer
     */
    void loadScripts() {
        guarded("load the history script", () -> script().scriptLoad(APPEND_AND_PUBLISH));
    }

    /** A message as the channel carries it: stamped ({@code id epoch json}) when kept, plain JSON otherwise. */
    RoomMessage decode(String text) {
        if (text.startsWith("{")) {
            return codec.read(text);
        }
        int first = text.indexOf(STAMP_SEPARATOR);
        int second = text.indexOf(STAMP_SEPARATOR, first + 1);
        if (first <= 0 || second <= first) {
            throw new IllegalArgumentException("not a stamped room message");
        }
        return codec.read(text.substring(second + 1))
                .at(new RoomPosition(text.substring(first + 1, second), text.substring(0, first)));
    }

    @Override
    public Page read(String room, String after, int limit, HistorySettings.Limits roomLimits) {
        List<Object> reply = guarded("read the history of " + room, () -> script().eval(RScript.Mode.READ_WRITE, READ,
                RScript.ReturnType.LIST, List.of(keys.history(room), keys.historyEpoch(room)),
                Integer.toString(roomLimits.size()), InMemoryRoomHistory.newEpoch(),
                Long.toString(expiry(roomLimits))));
        String epoch = String.valueOf(reply.get(0));
        List<Entry> kept = new ArrayList<>();
        for (int i = 1; i + 1 < reply.size(); i += 2) {
            String id = String.valueOf(reply.get(i));
            kept.add(new Entry(id, codec.read(String.valueOf(reply.get(i + 1))).at(new RoomPosition(epoch, id))));
        }
        return RoomHistory.page(epoch, kept, after, limit, roomLimits.ttlMillis(), System.currentTimeMillis());
    }

    @Override
    public void forget(String room) {
        guarded("forget the history of " + room,
                () -> redis.getKeys().delete(keys.history(room), keys.historyEpoch(room)));
    }

    private static long expiry(HistorySettings.Limits roomLimits) {
        return Math.max(IDLE_EXPIRY_MILLIS, roomLimits.ttlMillis());
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }
}
