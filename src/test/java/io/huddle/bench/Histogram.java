package io.huddle.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Latencies in buckets of 1/8 of a power of two of microseconds (within 12.5%); thread-safe, lock-free. */
final class Histogram {

    private static final int SUB = 8;
    private final AtomicLongArray counts = new AtomicLongArray(64 * SUB);

    void record(long nanos) {
        long micros = Math.max(1, nanos / 1000);
        int power = 63 - Long.numberOfLeadingZeros(micros);
        int sub = power < 3 ? 0 : (int) ((micros >> (power - 3)) & (SUB - 1));
        counts.incrementAndGet(power * SUB + sub);
    }

    long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The latency in ms below which {@code fraction} of the samples lie (upper bound of the bucket). */
    double percentileMillis(double fraction) {
        long total = count();
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (total > 0 && seen >= Math.ceil(fraction * total)) {
                int power = i / SUB;
                int sub = i % SUB;
                double upper = power < 3 ? (1L << (power + 1)) : (1L << power) * (1 + (sub + 1) / (double) SUB);
                return upper / 1000.0;
            }
        }
        return 0;
    }
}
