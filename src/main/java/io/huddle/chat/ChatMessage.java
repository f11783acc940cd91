package io.huddle.chat;

import io.huddle.cluster.RoomPosition;
import io.huddle.connection.Jsonp;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbCreator;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A chat delivery as clients receive it (spec §5.1): {@code {"message","room","from","context":"user","sentAt"}}.
 * {@code from} is the sender's connection id, {@code "0"} for the server.
 */
@JsonbPropertyOrder({"message", "room", "from", "context", "sentAt"})
public record ChatMessage(JsonValue message, String room, String from, String context, long sentAt) {

    public static final String CONTEXT = "user";
    public static final String SERVER = "0";

    /** The constructor JSON-B reads a message with, when it crossed nodes. */
    @JsonbCreator
    public ChatMessage {
    }

    public ChatMessage(JsonValue message, String room, String from, long sentAt) {
        this(message, room, from, CONTEXT, sentAt);
    }

    public ChatMessage withMessage(JsonValue newMessage) {
        return new ChatMessage(newMessage, room, from, context, sentAt);
    }

    /** A copy whose message is the given text. */
    public ChatMessage withText(String text) {
        return withMessage(Jsonp.string(text));
    }

    /** This message as a client that asked for positions receives it: the five keys, then where it stands. */
    public Positioned at(RoomPosition position) {
        return new Positioned(message, room, from, context, sentAt, position.position(), position.epoch());
    }

    /**
     * A chat delivery with its place in the room's history, for connections that asked for positions: ActionHero's
     * five keys, then {@code position} and {@code epoch}.
     */
    @JsonbPropertyOrder({"message", "room", "from", "context", "sentAt", "position", "epoch"})
    public record Positioned(JsonValue message, String room, String from, String context, long sentAt,
                             String position, String epoch) {
    }

    /** The message as text, for hooks that filter words; a non-string message yields its JSON. */
    public String text() {
        return message instanceof jakarta.json.JsonString s ? s.getString() : String.valueOf(message);
    }
}
