package io.huddle.cluster;

import java.util.concurrent.CompletionStage;

/**
 * Carries messages between nodes: one channel per room, received only by nodes that {@link #subscribe subscribed}
 * (nodes with local members), and one channel per node for {@link NodeCommand}s.
 *
 * <p>Guarantees: messages published by one node on one room arrive at each subscriber in publish order; a node
 * receives its own publications (delivery to local members goes through the same path). Delivery is at most once:
 * while the bus is disconnected, publications are lost and {@link #publish} throws {@link ClusterUnavailable}.
 */
public interface ClusterBus {

    /** This node's id, unique in the cluster. */
    String nodeId();

    /** Sends an envelope to every node subscribed to its room, this one included if subscribed. */
    void publish(RoomEnvelope envelope);

    /** Starts receiving a room's envelopes on this node; idempotent. */
    void subscribe(String room);

    /** Stops receiving a room's envelopes on this node; idempotent. */
    void unsubscribe(String room);

    /**
     * Runs a command on the node holding its connection. Completes with the handler's result, or with a failed
     * result if that node does not answer within the configured RPC timeout. Never completes exceptionally.
     */
    CompletionStage<NodeCommandResult> send(String node, NodeCommand command);

    /** Whether a node is alive (its heartbeat is current); always true for this node. */
    boolean isAlive(String node);
}
