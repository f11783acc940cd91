package io.huddle.limits;

import io.huddle.config.LimitSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;

/**
 * Hands out the token buckets of {@code huddle.limits.*}: a fresh {@link ConnectionLimits} per websocket connection,
 * kept on the connection, and one per {@code /api} client (its fingerprint, else its address), remembered in a map
 * bounded by {@code huddle.limits.apiClients} that forgets clients idle for a minute or two.
 */
@ApplicationScoped
public class RateLimits {

    /** Longer than any default bucket takes to refill from empty (roomCreate: 10 at 0.2/s, 50 s). */
    static final long API_CLIENT_IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Inject
    LimitSettings settings;

    @Inject
    Refusals refusals;

    private BucketShapes shapes;
    private RecentKeys<ConnectionLimits> apiClients;

    @PostConstruct
    void build() {
        shapes = new BucketShapes(settings, refusals);
        apiClients = new RecentKeys<>(settings.apiClients(), API_CLIENT_IDLE_NANOS, System::nanoTime);
    }

    /**
     * The buckets of a new websocket connection.
     *
     * @param connectionId for the log and the refusal counts
     * @param close        ends the connection when it keeps hammering past its refusals; run at most once
     */
    public ConnectionLimits forConnection(String connectionId, Runnable close) {
        return new ConnectionLimits(shapes, connectionId, close);
    }

    /**
     * The buckets an {@code /api} client shares over all its requests; nothing to close (each request is answered
     * 429 on its own).
     *
     * @param key the client's fingerprint or address, prefixed so the two never collide
     */
    public ConnectionLimits forApiClient(String key) {
        return apiClients.get(key, client -> new ConnectionLimits(shapes, client, null));
    }
}
