package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The conversation of a client that asks for positions and recovers a room after a reconnect. */
public final class HistoryOps {

    private HistoryOps() {
    }

    /** A client that asked for positions on the upgrade, as Huddle's own client does. */
    public static TestClient connectWithPositions(URL base) {
        return TestClient.connect(base, "positions=1", Map.of());
    }

    /** The chat messages of {@code room} received so far, in order. */
    public static List<JsonObject> said(TestClient client, String room) {
        return client.frames().stream()
                .filter(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))
                        && room.equals(o.getString("room", null)))
                .map(JsonObject.class::cast).toList();
    }

    /** Their texts. */
    public static List<String> texts(List<JsonObject> messages) {
        return messages.stream().map(m -> m.getString("message")).toList();
    }

    /** Waits for the chat message {@code text} in {@code room}. */
    public static JsonObject awaitSaid(TestClient client, String room, String text) {
        return client.awaitContext("user", o -> room.equals(o.getString("room", null))
                && text.equals(o.getString("message", null)));
    }

    /** Says {@code count} numbered messages ({@code prefix-1} …) and waits for each reply. */
    public static void sayNumbered(TestClient client, String room, String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            JsonObject reply = client.request("say", Map.of("room", room, "message", prefix + "-" + i));
            assertEquals("OK", reply.getString("status"), reply.toString());
        }
    }

    /** {@code roomAdd} with the position and epoch of {@code lastSeen}; returns the verdict. */
    public static JsonObject rejoin(TestClient client, String room, JsonObject lastSeen) {
        return rejoin(client, room, lastSeen.getString("position"), lastSeen.getString("epoch"));
    }

    public static JsonObject rejoin(TestClient client, String room, String position, String epoch) {
        JsonObject recover = Json.createObjectBuilder().add("position", position).add("epoch", epoch).build();
        JsonObject reply = client.request("roomAdd", Map.of("room", room, "recover", recover));
        assertEquals("OK", reply.getString("status"), reply.toString());
        return verdict(client, room);
    }

    /** The {@code recovered} event for {@code room}. */
    public static JsonObject verdict(TestClient client, String room) {
        return client.awaitContext("recovered", o -> room.equals(o.getString("room", null)));
    }

    /** How many frames came before {@code frame}: its place in what the client received. */
    public static int indexOf(TestClient client, JsonValue frame) {
        return client.frames().indexOf(frame);
    }
}
