package io.huddle.cluster;

import io.huddle.config.HistorySettings;
import io.huddle.connection.ServerRefusal;
import io.huddle.connection.ErrorMessages;
import io.huddle.logging.ThrottledWarning;
import org.redisson.api.RTopic;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The room channels of this node: one Redisson {@code RTopic} per room, subscribed only while this node has members
 * there, so a node never receives traffic for rooms it does not serve. This node's members get a room message
 * directly, so local chat goes on while Redis is away; copies arriving back from Redis are ignored by their origin,
 * and the others go to {@link RoomDelivery#deliverRemote} on Redisson's thread. A subscription Redis did not confirm
 * is retried on every heartbeat (with a warning) until it takes; past {@code huddle.redis.maxRoomsPerNode} a join is
 * refused.
 */
final class RedisRoomChannels {

    private static final Logger LOG = Logger.getLogger(RedisRoomChannels.class.getName());

    private final PubSubTopics topics;
    private final RedisKeys keys;
    private final String nodeId;
    private final RoomDelivery delivery;
    private final RoomCodec codec;
    private final RedisRoomHistory history;
    private final long redisTimeoutMillis;
    private final int maxRooms;

    /** Rooms this node wants, each with its subscription attempt (the listener id once Redis confirmed it). */
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile boolean warnedPublish;
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong resubscribedAll = new AtomicLong();
    private final AtomicLong unconfirmed = new AtomicLong();
    private final ThrottledWarning unconfirmedWarning = new ThrottledWarning(LOG, Duration.ofMinutes(1));
    /** Kept messages Redis certainly did not take, delivered to this node's members only, without a position. */
    private final AtomicLong localOnly = new AtomicLong();
    /** Kept messages whose script Redis never answered: delivered by the channel if it ran, else nowhere. */
    private final AtomicLong unanswered = new AtomicLong();

    RedisRoomChannels(PubSubTopics topics, RedisKeys keys, String nodeId, RoomDelivery delivery, RoomCodec codec,
                      RedisRoomHistory history, long redisTimeoutMillis, int maxRooms) {
        this.history = history;
        this.topics = topics;
        this.keys = keys;
        this.nodeId = nodeId;
        this.delivery = delivery;
        this.codec = codec;
        this.redisTimeoutMillis = redisTimeoutMillis;
        this.maxRooms = maxRooms;
    }

    /** One attempt to subscribe to a room's channel, and when it began. */
    private record Subscription(CompletableFuture<Integer> listenerId, long startedNanos) {

        boolean needsRetry(long timeoutNanos) {
            return listenerId.isCompletedExceptionally()
                    || !listenerId.isDone() && System.nanoTime() - startedNanos > timeoutNanos;
        }
    }

    /**
     * See {@link ClusterBus#publish}. A kept message is appended to the room's stream and published by one script,
     * and reaches this node's members too through the room's channel, so every node delivers a room's messages in
     * stream order; if Redis fails it, this node's members get it directly, without a position.
     */
    void publish(RoomMessage message) {
        if (message.kept()) {
            HistorySettings.Limits kept = history.limitsFor(message.room());
            if (kept.enabled()) {
                publishKept(message, kept);
                return;
            }
        }
        delivery.deliver(message);
        try {
            roomTopic(message.room()).publishAsync(codec.write(message)).whenComplete((receivers, error) -> {
                if (error != null) {
                    publishFailed(message, error);
                } else {
                    warnedPublish = false;
                }
            });
        } catch (RuntimeException e) {
            publishFailed(message, e);
        }
    }

    /**
     * Waits for the script (one round trip, at most the Redis timeout): issued asynchronously, two messages of one
     * sender could take different connections and reach Redis in the other order (seen in HistoryClusterIT).
     *
     * <p>A kept message reaches members exactly once or not at all, never twice: this node's members get it directly
     * only when the script certainly did not run ({@link ScriptOutcome}). When Redis has not answered by the timeout
     * the script may still run, and its PUBLISH would bring the message (with a position) to this node's members a
     * second time; so nothing is delivered then, and the call's late outcome decides: ran, and the channel delivers
     * it; certainly not run, and it is delivered here, late; still unknown, and it is lost (counted as
     * {@code unanswered}, logged). The script itself is never re-sent ({@link RedisRoomHistory#appendAndPublish}).
     */
    private void publishKept(RoomMessage message, HistorySettings.Limits kept) {
        CompletableFuture<Object> appended;
        try {
            appended = history.appendAndPublish(message.room(), codec.write(message), kept).toCompletableFuture();
        } catch (RuntimeException e) {
            deliverHereOnly(message, e);
            return;
        }
        try {
            appended.get(redisTimeoutMillis, TimeUnit.MILLISECONDS);
            warnedPublish = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            appended.whenComplete((id, error) -> settleLate(message, error));
        } catch (ExecutionException e) {
            settle(message, e.getCause(), false);
        } catch (TimeoutException e) {
            appended.whenComplete((id, error) -> settleLate(message, error));
        }
    }

    /** The outcome of a script that outlived the wait, on Redisson's thread: a delivery here goes as remote ones do. */
    private void settleLate(RoomMessage message, Throwable error) {
        if (error == null) {
            warnedPublish = false; // it ran: the channel brought it to every node, this one included
        } else {
            settle(message, error, true);
        }
    }

    private void settle(RoomMessage message, Throwable error, boolean late) {
        if (!ScriptOutcome.certainlyNotRun(error)) {
            unanswered.incrementAndGet();
            publishFailed(message, error, "was not answered by Redis: delivered by its channel if the script ran,"
                    + " to nobody if not, never twice (see the unanswered counter in status)");
        } else if (late) {
            localOnly.incrementAndGet();
            publishFailed(message, error);
            delivery.deliverRemote(message);
        } else {
            deliverHereOnly(message, error);
        }
    }

    private void deliverHereOnly(RoomMessage message, Throwable error) {
        localOnly.incrementAndGet();
        publishFailed(message, error);
        delivery.deliver(message);
    }

    private void publishFailed(RoomMessage message, Throwable error) {
        publishFailed(message, error, "reached this node's members only");
    }

    /** Logs the first failure of a streak at WARNING; a publish that works again ends the streak. */
    private void publishFailed(RoomMessage message, Throwable error, String outcome) {
        if (!warnedPublish) {
            warnedPublish = true;
            LOG.warning(() -> "Redis unavailable: " + message.getClass().getSimpleName() + " in " + message.room()
                    + " " + outcome + " (" + error + (error.getCause() == null ? "" : ", caused by " + error.getCause())
                    + ")");
        }
    }

    /** See {@link ClusterBus#subscribe}. */
    void subscribe(String room) {
        if (!subscriptions.containsKey(room) && subscriptions.size() >= maxRooms) {
            if (refused.getAndIncrement() == 0) {
                LOG.warning(() -> "node " + nodeId + " serves " + maxRooms + " rooms, its huddle.redis.maxRoomsPerNode:"
                        + " joins to further rooms are refused until rooms empty here (logged once; see the"
                        + " subscriptionsRefused counter in status)");
            }
            throw new ServerRefusal(ErrorMessages.atRoomLimit(maxRooms));
        }
        subscriptions.computeIfAbsent(room, this::listen);
    }

    /** See {@link ClusterBus#awaitSubscribed}. */
    void awaitSubscribed(String room) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(redisTimeoutMillis);
        while (true) {
            Subscription subscription = subscriptions.get(room);
            long left = deadline - System.nanoTime();
            if (subscription == null) {
                return;
            }
            if (left <= 0) {
                throw unconfirmed(room);
            }
            try {
                subscription.listenerId().get(left, TimeUnit.NANOSECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                // right after Redis came back the first attempt can fail on a stale connection: try again
                pause(50);
                subscriptions.computeIfPresent(room, (r, current) -> current == subscription ? listen(r) : current);
            } catch (TimeoutException e) {
                throw unconfirmed(room);
            }
        }
    }

    /**
     * A join whose subscription Redis did not confirm in time fails: answered OK, its member would miss what other
     * nodes say until a heartbeat's retry took (the likely cause of two rooms missing a say in one ClusterIT run on
     * a loaded machine).
     */
    private ServerRefusal unconfirmed(String room) {
        long count = unconfirmed.incrementAndGet();
        unconfirmedWarning.warn(() -> "node " + nodeId + ": Redis did not confirm the subscription to " + room
                + " within " + redisTimeoutMillis + " ms; the join was refused and the subscription is retried on the"
                + " next heartbeat (" + count + " joins refused so since boot; logged at most once a minute)");
        return new ServerRefusal(ErrorMessages.joinNotConfirmed(redisTimeoutMillis));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Subscription listen(String room) {
        return new Subscription(topics.listen(keys.roomChannel(room), (channel, json) -> receive(json)),
                System.nanoTime());
    }

    /** See {@link ClusterBus#unsubscribe}. */
    void unsubscribe(String room) {
        Subscription subscription = subscriptions.remove(room);
        if (subscription != null) {
            removeWhenConfirmed(room, subscription);
        }
    }

    private void removeWhenConfirmed(String room, Subscription subscription) {
        subscription.listenerId().thenAccept(id -> topics.unlisten(keys.roomChannel(room), id)
                .exceptionally(error -> {
                    LOG.log(Level.FINE, "unsubscribing from " + room + " failed", error);
                    return null;
                }));
    }

    /**
     * Subscribes again wherever a subscription did not take: it failed, or Redis has not confirmed it within the
     * Redis timeout (an attempt made while Redis came back can hang; left alone, the room would stay deaf on this
     * node). Called on every node heartbeat. A superseded attempt that Redis confirms late is removed at once.
     */
    void resubscribe() {
        long timeout = TimeUnit.MILLISECONDS.toNanos(redisTimeoutMillis);
        AtomicLong again = new AtomicLong();
        subscriptions.replaceAll((room, subscription) -> {
            if (!subscription.needsRetry(timeout)) {
                return subscription;
            }
            again.incrementAndGet();
            removeWhenConfirmed(room, subscription);
            return listen(room);
        });
        if (again.get() > 0) {
            retried.addAndGet(again.get());
            LOG.warning(() -> "node " + nodeId + ": " + again.get() + " room subscriptions failed or were not"
                    + " confirmed by Redis within " + redisTimeoutMillis + " ms; subscribing them again (cross-node"
                    + " messages in those rooms do not reach this node until they take)");
        }
    }

    /** Subscribes every room channel again, after the probe found pub/sub quiet while commands work. */
    void resubscribeAll() {
        resubscribedAll.incrementAndGet();
        subscriptions.replaceAll(this::relisten);
    }

    /**
     * Unsubscribes a room and subscribes it again once Redis confirmed that: a listener added while the old one is
     * still there would join the stale subscription instead of making a new one.
     */
    private Subscription relisten(String room, Subscription old) {
        if (!old.listenerId().isDone() || old.listenerId().isCompletedExceptionally()) {
            removeWhenConfirmed(room, old);
            return listen(room);
        }
        CompletableFuture<Integer> again = topics.unlisten(keys.roomChannel(room), old.listenerId().join())
                .handle((done, error) -> null)
                .thenCompose(removed -> listen(room).listenerId());
        return new Subscription(again, System.nanoTime());
    }

    /** This node's subscriptions as {@code status} shows them. */
    PubSubStats stats() {
        int confirmed = 0;
        for (Subscription subscription : subscriptions.values()) {
            if (subscription.listenerId().isDone() && !subscription.listenerId().isCompletedExceptionally()) {
                confirmed++;
            }
        }
        return new PubSubStats(topics.sharded(), confirmed, subscriptions.size() - confirmed, maxRooms,
                retried.get(), refused.get(), unconfirmed.get(), resubscribedAll.get(), localOnly.get(),
                unanswered.get());
    }

    private void receive(String json) {
        RoomMessage message;
        try {
            message = history.decode(json);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped an unreadable room message: " + json, e);
            return;
        }
        // a kept message reaches this node's members only this way, its own included
        boolean stamped = !json.startsWith("{");
        if (stamped || !nodeId.equals(message.origin())) {
            delivery.deliverRemote(message);
        }
    }

    private RTopic roomTopic(String room) {
        return topics.topic(keys.roomChannel(room));
    }
}
