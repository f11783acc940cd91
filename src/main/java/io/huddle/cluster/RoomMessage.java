package io.huddle.cluster;

/**
 * A message for the members of one room on every node that serves it. The chat layer defines the kinds (a sealed
 * family of records); the bus reads only the room (its channel) and the origin (a node ignores its own copies coming
 * back) and carries the rest whole, written and read back by the chat layer's {@link RoomCodec}.
 */
public interface RoomMessage {

    /** The room whose members receive it. */
    String room();

    /** The node that published it. */
    String origin();

    /** Whether the bus keeps this message in the room's {@link RoomHistory} (chat is kept, presence is not). */
    default boolean kept() {
        return false;
    }

    /** This message with its place in the room's history; the bus calls it on kept messages. */
    default RoomMessage at(RoomPosition position) {
        return this;
    }
}
