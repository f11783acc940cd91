package io.huddle.limits;

import io.huddle.config.LimitSettings;
import io.huddle.config.LimitSettings.Rate;

import java.util.Map;

/**
 * A benchmark, not a test: what the rate checks of one websocket request cost on their own (its {@code frames} and
 * {@code actions} tokens), over the real buckets of 1,000 connections taken round robin, none ever refused. The README
 * (Performance, "What the limits and the history cost") gives the command and compares it with a request's server
 * CPU from LoadGen.
 */
public final class LimitChecksCost {

    private static final int CONNECTIONS = 1000;
    private static final long REQUESTS = 20_000_000;

    private LimitChecksCost() {
    }

    public static void main(String[] args) {
        Rate high = new Rate(1_000_000_000, 1_000_000_000);
        LimitSettings settings = new LimitSettings(1000, high, high, high, high, high, high, high, Map.of(), 10, high);
        BucketShapes shapes = new BucketShapes(settings, new Refusals());
        ConnectionLimits[] connections = new ConnectionLimits[CONNECTIONS];
        for (int i = 0; i < CONNECTIONS; i++) {
            connections[i] = new ConnectionLimits(shapes, "c" + i, () -> { });
        }
        for (int round = 1; round <= 8; round++) { // the first rounds warm the JIT up
            long start = System.nanoTime();
            for (long i = 0; i < REQUESTS; i++) {
                ConnectionLimits limits = connections[(int) (i % CONNECTIONS)];
                limits.take(Limit.FRAMES);
                limits.take(Limit.ACTIONS);
            }
            double nanos = (double) (System.nanoTime() - start) / REQUESTS;
            System.out.printf("round %d: %.1f ns per request (frames + actions)%n", round, nanos);
        }
    }
}
