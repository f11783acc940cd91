package io.huddle.cluster;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs a Redis call and turns any failure (down, timeout) into {@link ClusterUnavailable} with what was attempted. */
final class RedisCalls {

    private static final Logger LOG = Logger.getLogger(RedisCalls.class.getName());

    private RedisCalls() {
    }

    static <T> T guarded(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ClusterUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Redis call failed: " + operation, e);
            throw new ClusterUnavailable(operation);
        }
    }

    static void guarded(String operation, Runnable call) {
        guarded(operation, () -> {
            call.run();
            return null;
        });
    }
}
