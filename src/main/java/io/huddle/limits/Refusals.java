package io.huddle.limits;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every refusal a limit makes, by limit name: counted for {@code status} (under {@code refusals}), and logged at
 * {@code WARNING} at most once per client and limit a minute, so a client hammering a limit costs one log line a
 * minute rather than one per frame.
 */
@ApplicationScoped
public class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    static final long LOG_INTERVAL_NANOS = 60_000_000_000L;

    /** Past this many remembered clients, entries older than the log interval are dropped before adding more. */
    private static final int REMEMBERED_CLIENTS = 10_000;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

    /**
     * Records that {@code limit} refused {@code client} (a connection id, a fingerprint or an address).
     *
     * @param why the log line, built only when it is written
     */
    public void refused(String limit, String client, Supplier<String> why) {
        counts.computeIfAbsent(limit, name -> new LongAdder()).increment();
        if (shouldLog(limit + ' ' + client, System.nanoTime())) {
            LOG.log(Level.WARNING, () -> "refused (" + limit + ") " + client + ": " + why.get()
                    + " (logged at most once a minute per client and limit)");
        }
    }

    /** How many refusals each limit made since the node started, by limit name. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((limit, count) -> snapshot.put(limit, count.sum()));
        return snapshot;
    }

    boolean shouldLog(String key, long now) {
        if (lastLogged.size() > REMEMBERED_CLIENTS) {
            lastLogged.values().removeIf(at -> now - at >= LOG_INTERVAL_NANOS);
        }
        boolean[] log = {false};
        lastLogged.compute(key, (k, at) -> {
            if (at == null || now - at >= LOG_INTERVAL_NANOS) {
                log[0] = true;
                return now;
            }
            return at;
        });
        return log[0];
    }
}
