package io.huddle.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A warning whose cause can recur per request or per frame (Redis away, a subscription not confirmed): logged at
 * most once per interval, so an operator sees the condition without the log growing with the traffic. Thread-safe.
 */
public final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    /** When the last warning was logged; starts an interval in the past, so the first one is logged. */
    private final AtomicLong lastNanos;

    public ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.lastNanos = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** Logs {@code message} at WARNING unless a warning went out less than the interval ago. */
    public void warn(Supplier<String> message) {
        long now = System.nanoTime();
        long last = lastNanos.get();
        if (now - last >= intervalNanos && lastNanos.compareAndSet(last, now)) {
            log.warning(message);
        }
    }
}
