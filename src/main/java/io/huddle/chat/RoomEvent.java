package io.huddle.chat;

import io.huddle.cluster.Member;
import io.huddle.cluster.RoomMessage;
import io.huddle.cluster.RoomPosition;
import jakarta.json.bind.annotation.JsonbCreator;

/**
 * What a node publishes on a room's channel: a chat message, whole as the hooks left it (context included), or a
 * membership change. On the wire it is one named field of a {@link RoomEventCodec.Wire}. Internal: applications see
 * {@link ChatMessage}s.
 */
public sealed interface RoomEvent extends RoomMessage permits RoomEvent.Chat, RoomEvent.PresenceChange {

    /** Hands this event to the receiver method for its kind: a new kind does not compile until received. */
    void deliverTo(Receiver receiver);

    /** One method per kind of room event. */
    interface Receiver {

        void chat(Chat chat);

        void presence(PresenceChange change);
    }

    /**
     * A chat message for every member; {@code position} is its place in the room's history, set by the bus when the
     * room keeps one (null otherwise, and while it travels to the bus).
     */
    record Chat(ChatMessage message, String origin, RoomPosition position) implements RoomEvent {

        /** The constructor JSON-B reads a chat with, when it crossed nodes. */
        @JsonbCreator
        public Chat {
        }

        /** A chat not yet given its place in the history. */
        public Chat(ChatMessage message, String origin) {
            this(message, origin, null);
        }

        @Override
        public boolean kept() {
            return true;
        }

        @Override
        public Chat at(RoomPosition newPosition) {
            return new Chat(message, origin, newPosition);
        }

        @Override
        public String room() {
            return message.room();
        }

        @Override
        public void deliverTo(Receiver receiver) {
            receiver.chat(this);
        }
    }

    /** A member that joined, left or changed ({@code event} is {@code join}, {@code leave} or {@code update}). */
    record PresenceChange(String room, String event, Member member, String origin) implements RoomEvent {

        @Override
        public void deliverTo(Receiver receiver) {
            receiver.presence(this);
        }
    }
}
