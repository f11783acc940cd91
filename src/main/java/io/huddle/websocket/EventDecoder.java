package io.huddle.websocket;

import io.huddle.cluster.RoomPosition;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the text of one inbound frame into a {@link ClientEvent}. Never throws: anything it cannot serve becomes
 * {@link ClientEvent.Invalid} with a text that says what was wrong. Stateless and thread-safe.
 */
final class EventDecoder {

    static final String PONG_PREFIX = "primus::pong::";
    static final String ID_REQUEST = "primus::id::";

    /** Fields of a verb request that are not its arguments (spec §2.3: a failed verb echoes the rest as data). */
    private static final Set<String> ENVELOPE = Set.of("event", "messageId", "room");

    private EventDecoder() {
    }

    static ClientEvent decode(String text) {
        JsonValue value;
        try {
            value = Jsonp.readClientJson(new StringReader(text));
        } catch (Jsonp.UnreadableJson e) {
            return invalid(freshId(), e.getMessage() == null ? ErrorMessages.NOT_JSON : e.getMessage(), null);
        }
        if (value instanceof JsonString string) {
            String s = string.getString();
            if (s.startsWith(PONG_PREFIX)) {
                return new ClientEvent.Pong();
            }
            if (s.equals(ID_REQUEST)) {
                return new ClientEvent.IdRequest();
            }
        }
        if (!(value instanceof JsonObject object)) {
            // ActionHero answers any non-object JSON (even null) with the unknown-verb error
            return invalid(freshId(), ErrorMessages.verbNotFound("undefined"), value);
        }
        return decodeObject(object);
    }

    private static ClientEvent decodeObject(JsonObject object) {
        JsonValue messageId = object.get("messageId");
        if (!isUsableId(messageId)) {
            if (isPresent(messageId) && !(messageId instanceof JsonString) && !(messageId instanceof JsonNumber)) {
                return invalid(freshId(), ErrorMessages.BAD_MESSAGE_ID, leftover(object));
            }
            messageId = freshId(); // ActionHero replaces a missing or falsy id with a uuid
        }
        JsonValue eventValue = object.get("event");
        if (!(eventValue instanceof JsonString eventString)) {
            String shown = isPresent(eventValue) ? eventValue.toString() : "undefined";
            return invalid(messageId, ErrorMessages.verbNotFound(shown), leftover(object));
        }
        String event = eventString.getString();
        return switch (event) {
            case "detailsView" -> new ClientEvent.DetailsView(messageId);
            case "quit", "exit" -> new ClientEvent.Quit(messageId);
            case "documentation" -> new ClientEvent.Documentation(messageId);
            case "roomAdd", "roomLeave", "roomView" -> decodeRoomVerb(event, messageId, object);
            case "roomHistory" -> decodeRoomHistory(messageId, object);
            case "say" -> decodeSay(messageId, object);
            case "action" -> decodeAction(messageId, object);
            case "file" -> decodeFile(messageId, object);
            default -> invalid(messageId, ErrorMessages.verbNotFound(event), leftover(object));
        };
    }

    private static ClientEvent decodeRoomVerb(String event, JsonValue messageId, JsonObject object) {
        JsonValue room = object.get("room");
        if (isPresent(room) && !(room instanceof JsonString)) {
            return invalid(messageId, ErrorMessages.mustBe("room", "a string"), leftover(object));
        }
        String name = room instanceof JsonString s ? s.getString() : null;
        return switch (event) {
            case "roomAdd" -> decodeRoomAdd(messageId, name, object);
            case "roomLeave" -> new ClientEvent.RoomLeave(messageId, name);
            default -> new ClientEvent.RoomView(messageId, name);
        };
    }

    /** {@code recover}, when present, is {@code {"position": "...", "epoch": "..."}} as a recovered message carried. */
    private static ClientEvent decodeRoomAdd(JsonValue messageId, String room, JsonObject object) {
        JsonValue recover = object.get("recover");
        if (!isPresent(recover)) {
            return new ClientEvent.RoomAdd(messageId, room);
        }
        if (recover instanceof JsonObject from && from.get("position") instanceof JsonString position
                && from.get("epoch") instanceof JsonString epoch) {
            return new ClientEvent.RoomAdd(messageId, room, new RoomPosition(epoch.getString(), position.getString()));
        }
        return invalid(messageId, ErrorMessages.mustBe("recover", "an object with a position and an epoch"),
                leftover(object));
    }

    private static ClientEvent decodeRoomHistory(JsonValue messageId, JsonObject object) {
        JsonValue room = object.get("room");
        JsonValue since = object.get("since");
        JsonValue limit = object.get("limit");
        if (isPresent(room) && !(room instanceof JsonString)) {
            return invalid(messageId, ErrorMessages.mustBe("room", "a string"), leftover(object));
        }
        if (isPresent(since) && !(since instanceof JsonString)) {
            return invalid(messageId, ErrorMessages.mustBe("since", "a position"), leftover(object));
        }
        if (isPresent(limit) && !(limit instanceof JsonNumber number && number.isIntegral())) {
            return invalid(messageId, ErrorMessages.mustBe("limit", "a positive number"), leftover(object));
        }
        return new ClientEvent.RoomHistory(messageId, room instanceof JsonString s ? s.getString() : null,
                since instanceof JsonString s ? s.getString() : null,
                limit instanceof JsonNumber n ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE,
                        n.longValue())) : null);
    }

    private static ClientEvent decodeSay(JsonValue messageId, JsonObject object) {
        JsonValue room = object.get("room");
        JsonValue message = object.get("message");
        if (isPresent(room) && !(room instanceof JsonString)) {
            return invalid(messageId, ErrorMessages.mustBe("room", "a string"), leftover(object));
        }
        if (message instanceof JsonObject || message instanceof JsonArray) {
            return invalid(messageId, ErrorMessages.mustBe("message", "a string"), leftover(object));
        }
        // ActionHero delivers every client say as text: 42 arrives as "42"
        String text = message == null || message == JsonValue.NULL ? null
                : message instanceof JsonString s ? s.getString() : message.toString();
        return new ClientEvent.Say(messageId, room instanceof JsonString s ? s.getString() : null, text);
    }

    private static ClientEvent decodeAction(JsonValue messageId, JsonObject object) {
        JsonValue params = object.get("params");
        if (isPresent(params) && !(params instanceof JsonObject)) {
            return invalid(messageId, ErrorMessages.mustBe("params", "an object"), leftover(object));
        }
        return new ClientEvent.ActionCall(messageId, params instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT);
    }

    private static ClientEvent decodeFile(JsonValue messageId, JsonObject object) {
        JsonValue file = object.get("file");
        if (isPresent(file) && !(file instanceof JsonString)) {
            return invalid(messageId, ErrorMessages.mustBe("file", "a string"), leftover(object));
        }
        return new ClientEvent.FileCall(messageId, file instanceof JsonString s ? s.getString() : null);
    }

    /** What a failed verb reply shows as {@code data}: the request minus its envelope. */
    static JsonObject leftover(JsonObject object) {
        JsonObjectBuilder rest = Jsonp.objectBuilder();
        object.forEach((key, value) -> {
            if (!ENVELOPE.contains(key)) {
                rest.add(key, value);
            }
        });
        return rest.build();
    }

    private static ClientEvent.Invalid invalid(JsonValue messageId, String error, JsonValue data) {
        return new ClientEvent.Invalid(messageId, error, data);
    }

    /** ActionHero treats falsy ids (0, "", false, null) as absent. */
    private static boolean isUsableId(JsonValue id) {
        if (id instanceof JsonString s) {
            return !s.getString().isEmpty();
        }
        if (id instanceof JsonNumber n) {
            return n.doubleValue() != 0;
        }
        return false;
    }

    private static boolean isPresent(JsonValue value) {
        return value != null && value != JsonValue.NULL && value != JsonValue.FALSE;
    }

    static JsonString freshId() {
        return Jsonp.string(UUID.randomUUID().toString());
    }
}
