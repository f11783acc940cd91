package io.huddle.websocket;

import io.huddle.cluster.RoomPosition;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** One decoded inbound frame: a Primus control message or an ActionHero event (spec §1.3, §2.2). */
public sealed interface ClientEvent {

    /** {@code "primus::pong::<ms>"}: the heartbeat answer. */
    record Pong() implements ClientEvent { }

    /** {@code "primus::id::"}: the client asks for its spark id. */
    record IdRequest() implements ClientEvent { }

    /** A request that gets a reply carrying {@code messageId}. */
    sealed interface Request extends ClientEvent {
        JsonValue messageId();
    }

    record DetailsView(JsonValue messageId) implements Request { }

    /** {@code quit} or {@code exit}: the client asks the server to end the connection. */
    record Quit(JsonValue messageId) implements Request { }

    record Documentation(JsonValue messageId) implements Request { }

    /** {@code recover}: the position last seen in the room, to be sent what was missed since (null: a plain join). */
    record RoomAdd(JsonValue messageId, String room, RoomPosition recover) implements Request {

        public RoomAdd(JsonValue messageId, String room) {
            this(messageId, room, null);
        }
    }

    /** {@code roomHistory}: recent messages after position {@code since} (null: the newest), at most {@code limit}. */
    record RoomHistory(JsonValue messageId, String room, String since, Integer limit) implements Request { }

    record RoomLeave(JsonValue messageId, String room) implements Request { }

    record RoomView(JsonValue messageId, String room) implements Request { }

    /** {@code message} is already text: ActionHero delivers every client {@code say} as a string. */
    record Say(JsonValue messageId, String room, String message) implements Request { }

    record ActionCall(JsonValue messageId, JsonObject params) implements Request { }

    record FileCall(JsonValue messageId, String file) implements Request { }

    /** A frame that cannot be served: {@code error} is the text for the client, {@code data} what it sent. */
    record Invalid(JsonValue messageId, String error, JsonValue data) implements Request { }
}
