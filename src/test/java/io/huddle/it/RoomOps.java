package io.huddle.it;

import jakarta.json.JsonObject;

import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What chat tests do again and again: drive the room API through the {@code RoomFixture} servlet of one node, and
 * the verbs every test needs (join, look at the members, check an error reply).
 */
public final class RoomOps {

    private final URL base;
    private final HttpClient http = TestHttp.client();

    public RoomOps(URL base) {
        this.base = base;
    }

    /** Creates a room with a fresh name. */
    public String newRoom(String prefix) throws Exception {
        String room = prefix + "-" + UUID.randomUUID();
        assertEquals("ok", op("add", room, null, null).body());
        return room;
    }

    /** Creates a room with a fixed name unless an earlier test did. */
    public void ensureRoom(String room) throws Exception {
        HttpResponse<String> response = op("add", room, null, null);
        assertTrue(response.statusCode() == 200 || response.body().equals("room exists"), response.body());
    }

    public HttpResponse<String> op(String op, String room, String connection, String text) throws Exception {
        return op(op, room, connection, text, Map.of());
    }

    /** Runs one {@code RoomFixture} operation; the body is "ok", a JSON answer, or the error text (status 409). */
    public HttpResponse<String> op(String op, String room, String connection, String text, Map<String, String> extra)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("op", op);
        if (room != null) {
            fields.put("room", room);
        }
        if (connection != null) {
            fields.put("connection", connection);
        }
        if (text != null) {
            fields.put("text", text);
        }
        fields.putAll(extra);
        return post("test/rooms", fields);
    }

    /** POSTs a UTF-8 form to a fixture of this node. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        String form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(base.toURI().resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static void join(TestClient client, String room) {
        JsonObject reply = client.request("roomAdd", Map.of("room", room));
        assertEquals("OK", reply.getString("status"), reply.toString());
    }

    /** The member keys {@code roomView} shows {@code client}, or none if it cannot see the room. */
    public static Set<String> members(TestClient client, String room) {
        JsonObject view = client.request("roomView", Map.of("room", room));
        return view.containsKey("data") ? view.getJsonObject("data").getJsonObject("members").keySet() : Set.of();
    }

    /** A failed verb reply, exactly as ActionHero shapes it. */
    public static void assertError(JsonObject reply, String error) {
        assertEquals(error, reply.getString("error"), reply.toString());
        assertEquals(error, reply.getString("status"));
        assertEquals("response", reply.getString("context"));
    }
}
