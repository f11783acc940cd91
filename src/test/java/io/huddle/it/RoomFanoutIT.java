package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A room's messages as the product ships: no say hook is installed, so a message is encoded once and the same frame
 * goes to every member; from eight members on, its UTF-8 bytes are also made once, in direct memory, for all of them
 * ({@code OutboundFrame}). Each test runs in a small room and in a room past that threshold.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoomFanoutIT {

    /** Members of the big room: past {@code OutboundFrame.DIRECT_BUFFER_MIN_RECIPIENTS} (8). */
    private static final int BIG_ROOM = 9;
    private static final int SMALL_ROOM = 2;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.plain();
    }

    @ArquillianResource
    URL deployed;

    private URL base;
    private final List<TestClient> clients = new ArrayList<>();

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TestClient::close);
    }

    @Test
    void aSayReachesEveryMemberOfABigRoomAsTheSameFrameWithItsTextIntact() throws Exception {
        everyMemberGetsTheSameFrameOfASay(BIG_ROOM);
    }

    @Test
    void aSayReachesEveryMemberOfASmallRoomAsTheSameFrameWithItsTextIntact() throws Exception {
        everyMemberGetsTheSameFrameOfASay(SMALL_ROOM);
    }

    @Test
    void aSendersMessagesArriveAtEveryMemberOfABigRoomInTheOrderSent() throws Exception {
        String room = newRoom();
        List<TestClient> members = members(room, BIG_ROOM);
        TestClient sender = members.get(3);
        List<String> sent = IntStream.range(0, 30).mapToObj(i -> "message " + i + " " + UUID.randomUUID()).toList();
        for (String text : sent) {
            sender.sendRaw(Json.createObjectBuilder().add("event", "say").add("room", room).add("message", text)
                    .build().toString());
        }
        for (TestClient member : members) {
            member.awaitContext("user", m -> m.getString("message").equals(sent.get(sent.size() - 1)));
            assertEquals(sent, chatTexts(member, room), member.id());
        }
    }

    @Test
    void aServerBroadcastReachesEveryMemberOfABigRoomFromTheServer() throws Exception {
        String room = newRoom();
        List<TestClient> members = members(room, BIG_ROOM);
        String text = "maintenance at noon " + UUID.randomUUID();
        assertEquals("ok", new RoomOps(base).op("broadcast", room, null, text).body());
        List<String> frames = new ArrayList<>();
        for (TestClient member : members) {
            JsonObject chat = member.awaitContext("user", m -> m.get("message").equals(Json.createValue(text)));
            assertEquals("0", chat.getString("from"));
            assertEquals(room, chat.getString("room"));
            frames.add(rawFrameContaining(member, text));
        }
        assertEquals(1, frames.stream().distinct().count(), "one frame for all: " + frames);
    }

    private void everyMemberGetsTheSameFrameOfASay(int size) throws Exception {
        String room = newRoom();
        List<TestClient> members = members(room, size);
        TestClient sender = members.get(size - 1);
        String senderId = sender.id();
        // two-, three- and four-byte UTF-8: the shared bytes are encoded once for every socket
        String text = "grüße aus Köln – ☕ 👋 " + UUID.randomUUID();
        JsonObject reply = sender.request("say", Map.of("room", room, "message", text));
        assertEquals("OK", reply.getString("status"), reply.toString());
        List<String> frames = new ArrayList<>();
        for (TestClient member : members) {
            JsonObject chat = member.awaitContext("user", m -> m.getString("message").equals(text));
            assertEquals(List.of("message", "room", "from", "context", "sentAt"), List.copyOf(chat.keySet()));
            assertEquals(room, chat.getString("room"));
            assertEquals(senderId, chat.getString("from"));
            assertEquals(1, member.count(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))),
                    "exactly one chat frame for " + member.id());
            frames.add(rawFrameContaining(member, text));
        }
        assertEquals(1, frames.stream().distinct().count(), "every member got the same frame: " + frames);
    }

    /** {@code size} fresh connections in {@code room}, each having seen the last one join. */
    private List<TestClient> members(String room, int size) {
        List<TestClient> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TestClient client = TestClient.connect(base);
            clients.add(client);
            join(client, room);
            members.add(client);
        }
        return members;
    }

    private String newRoom() throws Exception {
        return new RoomOps(base).newRoom("fanout");
    }

    private static List<String> chatTexts(TestClient member, String room) {
        return member.frames().stream()
                .filter(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))
                        && room.equals(o.getString("room", null)))
                .map(v -> v.asJsonObject().getString("message"))
                .toList();
    }

    /** The frame's text exactly as it came off the socket. */
    private static String rawFrameContaining(TestClient member, String text) {
        return member.texts().stream()
                .filter(raw -> raw.startsWith("{") && text.equals(parse(raw).getString("message", null)))
                .findFirst().orElseThrow(() -> new AssertionError("no raw frame with " + text + " at " + member.id()));
    }

    private static JsonObject parse(String raw) {
        JsonValue value = Json.createReader(new StringReader(raw)).readValue();
        return value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }
}
