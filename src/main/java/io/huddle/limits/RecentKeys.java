package io.huddle.limits;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A map that forgets keys nobody asked for lately, in two generations: lookups go to the current one (a key found
 * only in the previous one moves over, value and all); when the current one is half the capacity or older than
 * {@code maxAgeNanos}, it becomes the previous one and the old previous one is dropped whole. So the map never holds
 * more than about {@code capacity} keys, whatever clients send, every lookup is O(1), and a key unused for two
 * generations is gone. Under a flood of fresh keys the generations turn over fast and quiet keys are forgotten
 * early: the price of the bound, and for rate limits a permissive one (a forgotten client starts with full buckets).
 */
final class RecentKeys<V> {

    private static final VarHandle GENERATIONS;

    static {
        try {
            GENERATIONS = MethodHandles.lookup().findVarHandle(RecentKeys.class, "generations", Generations.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private record Generations<V>(Map<String, V> current, Map<String, V> previous, long startedAt) {
    }

    private final int generationSize;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private volatile Generations<V> generations;

    RecentKeys(int capacity, long maxAgeNanos, LongSupplier clock) {
        this.generationSize = Math.max(1, capacity / 2);
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
        this.generations = new Generations<>(new ConcurrentHashMap<>(), Map.of(), clock.getAsLong());
    }

    /** The value of {@code key}, made by {@code create} when the key is new or was forgotten. */
    V get(String key, Function<String, V> create) {
        Generations<V> now = generations;
        V value = now.current().get(key);
        if (value != null) {
            return value;
        }
        V kept = now.previous().get(key);
        V fresh = kept != null ? kept : create.apply(key);
        V raced = now.current().putIfAbsent(key, fresh);
        if (now.current().size() >= generationSize || clock.getAsLong() - now.startedAt() > maxAgeNanos) {
            GENERATIONS.compareAndSet(this, now, new Generations<>(new ConcurrentHashMap<>(), now.current(),
                    clock.getAsLong()));
        }
        return raced != null ? raced : fresh;
    }

    /** Keys remembered now, in both generations (a key in both counts twice). */
    int size() {
        Generations<V> now = generations;
        return now.current().size() + now.previous().size();
    }
}
