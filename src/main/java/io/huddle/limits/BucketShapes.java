package io.huddle.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketListener;
import io.github.bucket4j.MathType;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.SynchronizedBucket;
import io.huddle.config.LimitSettings;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The configured buckets, built once at deploy and shared by every connection: one Bucket4j configuration per
 * {@link Limit} (null where the rate is 0: no bucket, no check), per room with its own say rate, and for the
 * hammering threshold. Immutable, so the hot path reads it without a proxy or a lock.
 */
final class BucketShapes {

    /** {@link Limit}s by ordinal, then the hammering bucket. */
    static final int HAMMERING = Limit.values().length;
    static final int SLOTS = HAMMERING + 1;

    private final BucketConfiguration[] bySlot = new BucketConfiguration[SLOTS];
    private final Map<String, BucketConfiguration> sayPerRoom;
    private final Refusals refusals;

    BucketShapes(LimitSettings settings, Refusals refusals) {
        this.refusals = refusals;
        bySlot[Limit.FRAMES.ordinal()] = configuration(settings.frames());
        bySlot[Limit.SAY.ordinal()] = configuration(settings.say());
        bySlot[Limit.ACTIONS.ordinal()] = configuration(settings.actions());
        bySlot[Limit.ROOM_VERBS.ordinal()] = configuration(settings.roomVerbs());
        bySlot[Limit.ROOM_CREATE.ordinal()] = configuration(settings.roomCreate());
        bySlot[Limit.METADATA.ordinal()] = configuration(settings.metadata());
        bySlot[Limit.API_ADDRESS.ordinal()] = configuration(settings.apiAddress());
        bySlot[HAMMERING] = configuration(settings.hammering());
        Map<String, BucketConfiguration> perRoom = new HashMap<>();
        settings.sayPerRoom().forEach((room, rate) -> perRoom.put(room, configuration(rate)));
        // a room whose own rate is 0 has no limit: kept as an entry, so it does not fall back to the global say
        sayPerRoom = perRoom;
    }

    /**
     * Greedy refill: tokens come back continuously (20/s is one every 50 ms), not all at once at the end of a
     * period, so a client that waits {@code retryAfter} finds exactly the token it waited for.
     */
    private static BucketConfiguration configuration(LimitSettings.Rate rate) {
        if (rate.isOff()) {
            return null;
        }
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(rate.burst())
                        .refillGreedy(rate.burst(), Duration.ofNanos(rate.refillNanos())).build())
                .build();
    }

    /** The configuration of a slot; null when that limit is off. */
    BucketConfiguration configuration(int slot) {
        return bySlot[slot];
    }

    boolean hasRoomRates() {
        return !sayPerRoom.isEmpty();
    }

    boolean hasOwnRate(String room) {
        return sayPerRoom.containsKey(room);
    }

    /** The say configuration of a room with its own rate; null when that rate is 0. */
    BucketConfiguration sayIn(String room) {
        return sayPerRoom.get(room);
    }

    Refusals refusals() {
        return refusals;
    }

    /**
     * A fresh, full bucket. Built directly rather than through {@code Bucket.builder()}, so every bucket shares its
     * configuration instead of building one of its own. Millisecond clock: the finest refill here is a token every few
     * ms. Synchronized, not lock-free: a connection's bucket is almost never contended (its frames arrive one at a
     * time), and the lock-free bucket copies its state on every take; under LoadGen's RPC the bucket code fell from
     * about 4.5 % of the server's CPU samples to 2.4 % with this one (JFR, README Performance).
     */
    static Bucket newBucket(BucketConfiguration configuration) {
        return new SynchronizedBucket(configuration, MathType.INTEGER_64_BITS, TimeMeter.SYSTEM_MILLISECONDS,
                BucketListener.NOPE);
    }
}
