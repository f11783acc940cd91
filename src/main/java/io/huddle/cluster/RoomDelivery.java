package io.huddle.cluster;

/** Receives what the {@link ClusterBus} carries to this node; implemented by the chat layer. */
public interface RoomDelivery {

    /** A message published on this node, for its local members: called on the publisher's thread. */
    void deliver(RoomMessage message);

    /**
     * A message from another node, for this node's members: called on the bus's receiving thread, which carries all
     * of this node's shared-bus traffic. It must not block, so whatever may (application hooks) moves to another
     * thread, and messages of one room must still reach members in the order they arrived here.
     */
    void deliverRemote(RoomMessage message);
}
