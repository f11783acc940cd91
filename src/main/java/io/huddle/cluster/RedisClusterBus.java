package io.huddle.cluster;

import io.huddle.connection.ClientError;
import jakarta.json.bind.Jsonb;
import org.redisson.api.RTopic;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Redis pub/sub through Redisson {@code RTopic}s: one channel per room, subscribed only while this node has members
 * there, so a node never receives traffic for rooms it does not serve; one channel per node for commands and their
 * replies. This node's members get a room message directly, so local chat goes on while Redis is away; copies
 * arriving back from Redis are ignored by their origin. A subscription Redis did not confirm is retried on every
 * heartbeat (with a warning) until it takes; past {@code huddle.redis.maxRoomsPerNode} a join is refused.
 */
public class RedisClusterBus implements ClusterBus {

    private static final Logger LOG = Logger.getLogger(RedisClusterBus.class.getName());

    private final PubSubTopics topics;
    private final RedisKeys keys;
    private final Jsonb jsonb;
    private final String nodeId;
    private final RoomDelivery delivery;
    private final RoomCodec codec;
    private final NodeCommandHandler commands;
    private final Executor commandExecutor;
    private final long rpcTimeoutMillis;
    private final long redisTimeoutMillis;
    private final int maxRooms;

    /** Rooms this node wants, each with its subscription attempt (the listener id once Redis confirmed it). */
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<NodeCommandResult>> pending = new ConcurrentHashMap<>();
    private final Set<String> liveNodes = ConcurrentHashMap.newKeySet();
    private volatile Integer commandListener;
    private volatile boolean warnedPublish;
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong resubscribedAll = new AtomicLong();

    RedisClusterBus(PubSubTopics topics, RedisKeys keys, Jsonb jsonb, String nodeId, RoomDelivery delivery,
                    RoomCodec codec, NodeCommandHandler commands, Executor commandExecutor, long rpcTimeoutMillis,
                    long redisTimeoutMillis, int maxRooms) {
        this.topics = topics;
        this.keys = keys;
        this.jsonb = jsonb;
        this.nodeId = nodeId;
        this.delivery = delivery;
        this.codec = codec;
        this.commands = commands;
        this.commandExecutor = commandExecutor;
        this.rpcTimeoutMillis = rpcTimeoutMillis;
        this.redisTimeoutMillis = redisTimeoutMillis;
        this.maxRooms = maxRooms;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(RoomMessage message) {
        delivery.deliver(message);
        try {
            roomTopic(message.room()).publishAsync(codec.write(message))
                    .whenComplete((receivers, error) -> {
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

    private void publishFailed(RoomMessage message, Throwable error) {
        if (!warnedPublish) {
            warnedPublish = true;
            LOG.warning(() -> "Redis unavailable: " + message.getClass().getSimpleName() + " in " + message.room()
                    + " reached this node's members only (" + error + ")");
        }
    }

    @Override
    public void subscribe(String room) {
        if (!subscriptions.containsKey(room) && subscriptions.size() >= maxRooms) {
            if (refused.getAndIncrement() == 0) {
                LOG.warning(() -> "node " + nodeId + " serves " + maxRooms + " rooms, its huddle.redis.maxRoomsPerNode:"
                        + " joins to further rooms are refused until rooms empty here (logged once; see the"
                        + " subscriptionsRefused counter in status)");
            }
            throw new ClientError("this server is at its limit of " + maxRooms + " rooms; try again later", 503);
        }
        subscriptions.computeIfAbsent(room, this::listen);
    }

    /** One attempt to subscribe to a room's channel, and when it began. */
    private record Subscription(CompletableFuture<Integer> listenerId, long startedNanos) {

        boolean needsRetry(long timeoutNanos) {
            return listenerId.isCompletedExceptionally()
                    || !listenerId.isDone() && System.nanoTime() - startedNanos > timeoutNanos;
        }
    }

    @Override
    public void awaitSubscribed(String room) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(redisTimeoutMillis);
        while (true) {
            Subscription subscription = subscriptions.get(room);
            long left = deadline - System.nanoTime();
            if (subscription == null || left <= 0) {
                return;
            }
            try {
                subscription.listenerId().get(left, TimeUnit.NANOSECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // right after Redis came back the first attempt can fail on a stale connection: try again
                pause(50);
                subscriptions.computeIfPresent(room, (r, current) -> current == subscription ? listen(r) : current);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.log(Level.FINE, "subscription to " + room + " not confirmed yet; retried on the next heartbeat");
                return;
            }
        }
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

    @Override
    public void unsubscribe(String room) {
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
        if (commandListener == null) {
            listenForCommands();
        }
    }

    /** Subscribes every channel again, after the probe found pub/sub quiet while commands work. */
    void resubscribeAll() {
        resubscribedAll.incrementAndGet();
        subscriptions.replaceAll(this::relisten);
        Integer listener = commandListener;
        if (listener != null) {
            try {
                nodeTopic(nodeId).removeListenerAsync(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "unsubscribing from commands failed", e);
            }
        }
        commandListener = null;
        listenForCommands();
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
                retried.get(), refused.get(), resubscribedAll.get());
    }

    void listenForCommands() {
        try {
            commandListener = nodeTopic(nodeId).addListener(String.class, (channel, json) -> receiveCommand(json));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot listen for commands yet (Redis unavailable); retrying", e);
        }
    }

    private void receive(String json) {
        try {
            RoomMessage message = codec.read(json);
            if (!nodeId.equals(message.origin())) {
                delivery.deliverRemote(message);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped an unreadable room message: " + json, e);
        }
    }

    private void receiveCommand(String json) {
        CommandEnvelope envelope;
        try {
            envelope = jsonb.fromJson(json, CommandEnvelope.class);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped an unreadable command: " + json, e);
            return;
        }
        if (envelope.result() != null) {
            CompletableFuture<NodeCommandResult> waiting = pending.remove(envelope.requestId());
            if (waiting != null) {
                waiting.complete(envelope.result());
            }
            return;
        }
        // commands touch Redis themselves: never on Redisson's threads
        commandExecutor.execute(() -> {
            NodeCommandResult result;
            try {
                result = commands.handle(envelope.command());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "command " + envelope.command() + " failed", e);
                result = NodeCommandResult.failed("command failed on node " + nodeId + ": " + e.getMessage());
            }
            try {
                nodeTopic(envelope.replyTo()).publishAsync(jsonb.toJson(
                        CommandEnvelope.reply(envelope.requestId(), result)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not answer " + envelope.replyTo(), e);
            }
        });
    }

    @Override
    public CompletionStage<NodeCommandResult> send(String node, NodeCommand command) {
        if (nodeId.equals(node)) {
            return CompletableFuture.completedFuture(commands.handle(command));
        }
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<NodeCommandResult> answer = new CompletableFuture<>();
        pending.put(requestId, answer);
        String timeout = "node " + node + " did not answer within " + rpcTimeoutMillis + " ms";
        try {
            nodeTopic(node).publishAsync(jsonb.toJson(CommandEnvelope.request(requestId, nodeId, command)))
                    .whenComplete((receivers, error) -> {
                        if (error != null) {
                            answer.complete(NodeCommandResult.failed(new ClusterUnavailable("reach node " + node)
                                    .getMessage()));
                        } else if (receivers == 0) {
                            answer.complete(NodeCommandResult.failed("node " + node + " is not running"));
                        }
                    });
        } catch (RuntimeException e) {
            answer.complete(NodeCommandResult.failed(new ClusterUnavailable("reach node " + node).getMessage()));
        }
        return answer.completeOnTimeout(NodeCommandResult.failed(timeout), rpcTimeoutMillis, TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> pending.remove(requestId));
    }

    @Override
    public boolean isAlive(String node) {
        return nodeId.equals(node) || liveNodes.contains(node);
    }

    /** A node found beating between two heartbeat checks; the next check confirms or drops it. */
    void nodeSeenAlive(String node) {
        liveNodes.add(node);
    }

    /** Called by the heartbeat with the nodes whose heartbeat key exists. */
    void liveNodes(Set<String> nodes) {
        liveNodes.retainAll(nodes);
        liveNodes.addAll(nodes);
    }

    void close() {
        pending.values().forEach(p -> p.complete(NodeCommandResult.failed("node " + nodeId + " is shutting down")));
    }

    private RTopic roomTopic(String room) {
        return topics.topic(keys.roomChannel(room));
    }

    private RTopic nodeTopic(String node) {
        return topics.topic(keys.nodeChannel(node));
    }
}
