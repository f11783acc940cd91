package io.huddle.cluster;

/**
 * Receives what the {@link ClusterBus} carries to this node; implemented by the chat layer. Called on a bus thread
 * (or the publisher's thread in memory); must not block.
 */
public interface RoomDelivery {

    /** A room message for this node's local members of {@code envelope.room()}. */
    void deliver(RoomEnvelope envelope);
}
