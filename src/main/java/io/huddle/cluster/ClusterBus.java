package io.huddle.cluster;

import java.util.concurrent.CompletionStage;

/**
 * Carries messages between nodes: one channel per room, received only by nodes that {@link #subscribe subscribed}
 * (nodes with local members), and one channel per node for {@link NodeCommand}s.
 *
 * <p>Guarantees: a publication reaches this node's members at once ({@link RoomDelivery#deliver}, on the
 * publisher's thread), whatever the state of the shared bus; messages published by one node on one room arrive at
 * each other subscriber in publish order, handed to {@link RoomDelivery#deliverRemote} one at a time on the bus's
 * receiving thread. Commands run on a thread of their own, never the bus's.
 * Delivery to other nodes is at most once: while the bus is disconnected they miss what is published, and
 * {@link #publish} does not fail (local chat goes on).
 */
public interface ClusterBus {

    /** This node's id, unique in the cluster. */
    String nodeId();

    /** Delivers a message to this node's members now and to every other node subscribed to its room. */
    void publish(RoomMessage message);

    /**
     * Starts receiving a room's messages on this node; idempotent and non-blocking (see {@link #awaitSubscribed}).
     * Throws a {@link io.huddle.connection.ClientError} (and subscribes nothing) when this node already serves as
     * many rooms as it may.
     */
    void subscribe(String room);

    /**
     * Waits until the shared bus confirmed this node's subscription to {@code room}, so a member that just joined
     * misses nothing published after its join was answered. Throws a {@link io.huddle.connection.ClientError} when
     * that did not happen within the Redis timeout (the caller undoes the join; the subscription is retried).
     */
    default void awaitSubscribed(String room) {
    }

    /** Stops receiving a room's messages on this node; idempotent. */
    void unsubscribe(String room);

    /**
     * Runs a command on the node holding its connection. Completes with the handler's result, or with a failed
     * result if that node does not answer within the configured RPC timeout. Never completes exceptionally.
     */
    CompletionStage<NodeCommandResult> send(String node, NodeCommand command);
}
