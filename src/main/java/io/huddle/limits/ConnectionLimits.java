package io.huddle.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The token buckets of one client (a websocket connection, or one {@code /api} client): created when first needed
 * and gone with the connection. {@link #take} spends one token or throws {@link RateLimited}, which records the
 * refusal; a client refused more often than the hammering bucket allows is closed once.
 *
 * <p>Safe from any thread (a connection's frames and its actions run on different threads). Tens of thousands of
 * these live at once, mostly idle: the buckets are made on first use (a heartbeat's pong takes none), so an idle
 * connection costs this object and its close action.
 */
public final class ConnectionLimits {

    /** No limits: for connections that application code or tests build themselves. */
    public static final ConnectionLimits NONE = new ConnectionLimits(null, "", null);

    private static final VarHandle BUCKETS;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Bucket[].class);
    private static final VarHandle CLOSING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            BUCKETS = lookup.findVarHandle(ConnectionLimits.class, "buckets", Bucket[].class);
            CLOSING = lookup.findVarHandle(ConnectionLimits.class, "closing", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BucketShapes shapes;
    /** For the log and {@link Refusals}: the connection id, or the {@code /api} client's key. */
    private final String client;
    /** Closes the connection when it hammers; null where there is nothing to close ({@code /api}). */
    private final Runnable close;
    /** By {@link BucketShapes} slot; made on the first take. */
    private volatile Bucket[] buckets;
    /** Say buckets of rooms with their own rate; made on the first say in such a room. */
    private volatile Map<String, Bucket> sayPerRoom;
    private volatile boolean closing;

    ConnectionLimits(BucketShapes shapes, String client, Runnable close) {
        this.shapes = shapes;
        this.client = client;
        this.close = close;
    }

    /** Spends one token of {@code limit}, or throws {@link RateLimited} when there is none. */
    public void take(Limit limit) {
        if (shapes == null) {
            return;
        }
        BucketConfiguration configuration = shapes.configuration(limit.ordinal());
        if (configuration != null) {
            spend(limit, bucket(limit.ordinal(), configuration));
        }
    }

    /** Spends one {@code say} token: from the room's own bucket where the room has its own rate. */
    public void takeSay(String room) {
        if (shapes == null) {
            return;
        }
        if (room != null && shapes.hasRoomRates() && shapes.hasOwnRate(room)) {
            BucketConfiguration configuration = shapes.sayIn(room);
            if (configuration != null) {
                spend(Limit.SAY, roomBucket(room, configuration));
            }
            return;
        }
        take(Limit.SAY);
    }

    /** True once this client was closed for hammering. */
    public boolean isClosing() {
        return closing;
    }

    /**
     * {@code tryConsume} on the way through allocates nothing beyond Bucket4j's own state copy; only a refusal asks
     * the bucket how long until the next token.
     */
    private void spend(Limit limit, Bucket bucket) {
        if (!bucket.tryConsume(1)) {
            long waitNanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
            shapes.refusals().refused(limit.key(), client, () -> "over its " + limit.key() + " rate");
            hammered();
            throw new RateLimited(limit.key(), retryAfter);
        }
    }

    /** One more refusal: past the hammering bucket the connection is closed, once. */
    private void hammered() {
        BucketConfiguration configuration = shapes.configuration(BucketShapes.HAMMERING);
        if (close == null || configuration == null || closing
                || bucket(BucketShapes.HAMMERING, configuration).tryConsume(1)) {
            return;
        }
        if (CLOSING.compareAndSet(this, false, true)) {
            shapes.refusals().refused("hammering", client,
                    () -> "closed: it kept sending past its rate limits after being refused");
            close.run();
        }
    }

    private Bucket bucket(int slot, BucketConfiguration configuration) {
        Bucket[] all = buckets;
        if (all == null) {
            Bucket[] fresh = new Bucket[BucketShapes.SLOTS];
            Bucket[] raced = (Bucket[]) BUCKETS.compareAndExchange(this, (Bucket[]) null, fresh);
            all = raced == null ? fresh : raced;
        }
        Bucket bucket = (Bucket) SLOT.getVolatile(all, slot);
        if (bucket == null) {
            Bucket fresh = BucketShapes.newBucket(configuration);
            Bucket raced = (Bucket) SLOT.compareAndExchange(all, slot, (Bucket) null, fresh);
            bucket = raced == null ? fresh : raced;
        }
        return bucket;
    }

    private Bucket roomBucket(String room, BucketConfiguration configuration) {
        Map<String, Bucket> rooms = sayPerRoom;
        if (rooms == null) {
            synchronized (this) {
                rooms = sayPerRoom;
                if (rooms == null) {
                    rooms = new ConcurrentHashMap<>();
                    sayPerRoom = rooms;
                }
            }
        }
        // bounded: only rooms configured with their own rate get an entry
        return rooms.computeIfAbsent(room, r -> BucketShapes.newBucket(configuration));
    }
}
