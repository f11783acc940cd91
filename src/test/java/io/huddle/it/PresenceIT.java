package io.huddle.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.huddle.it.Eventually.eventually;
import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presence: who joins and leaves a room, live, with metadata, per connection or per user. On the plain deployment:
 * presence needs no hook, so it is tested as the product ships.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PresenceIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.plain();
    }

    @ArquillianResource
    URL deployed;

    private URL base;
    private RoomOps rooms;

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
        rooms = new RoomOps(base);
    }

    @Test
    void aJoinerGetsOneSnapshotAndTheOthersAJoin() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            JsonObject own = a.awaitContext("presence", p -> p.getString("event").equals("snapshot"));
            assertEquals(room, own.getString("room"));
            assertEquals(1, own.getInt("membersCount"));
            String bId = b.id();
            join(b, room);
            JsonObject snapshot = b.awaitContext("presence", p -> p.getString("event").equals("snapshot"));
            assertEquals(Set.of(a.id(), bId), snapshot.getJsonObject("members").keySet());
            JsonObject joined = a.awaitContext("presence", p -> p.getString("event").equals("join"));
            assertEquals(room, joined.getString("room"));
            JsonObject member = joined.getJsonObject("member");
            assertEquals(bId, member.getString("id"));
            assertTrue(member.getJsonNumber("joinedAt").longValue() > 0);
            assertFalse(member.getString("user").contains(bId), "the user key is shown hashed");
            assertEquals(0, b.count(v -> v instanceof JsonObject o && "presence".equals(o.getString("context", null))
                    && "join".equals(o.getString("event", null))), "no one is told about their own join");
        }
    }

    @Test
    void leavingAndDisconnectingAreAnnounced() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base)) {
            join(a, room);
            TestClient b = TestClient.connect(base);
            TestClient c = TestClient.connect(base);
            String bId = b.id();
            String cId = c.id();
            join(b, room);
            join(c, room);
            b.request("roomLeave", Map.of("room", room));
            a.awaitContext("presence", p -> p.getString("event").equals("leave")
                    && p.getJsonObject("member").getString("id").equals(bId));
            c.close();
            a.awaitContext("presence", p -> p.getString("event").equals("leave")
                    && p.getJsonObject("member").getString("id").equals(cId));
            b.close();
        }
    }

    @Test
    void destroyingARoomAnnouncesEveryLeave() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            join(b, room);
            String bId = b.id();
            assertEquals("ok", roomOp("destroy", room, null, null).body());
            a.awaitContext("presence", p -> p.getString("event").equals("leave")
                    && p.getJsonObject("member").getString("id").equals(bId));
        }
    }

    @Test
    void metadataIsShownAndChangesAreAnnounced() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            String bId = b.id();
            assertEquals("ok", roomOp("metadata", null, bId, "Grace").body());
            join(a, room);
            join(b, room);
            JsonObject joined = a.awaitContext("presence", p -> p.getString("event").equals("join"));
            assertEquals("Grace", joined.getJsonObject("member").getJsonObject("metadata").getString("displayName"));
            assertEquals("ok", roomOp("metadata", null, bId, "Grace H.").body());
            JsonObject updated = a.awaitContext("presence", p -> p.getString("event").equals("update"));
            assertEquals("Grace H.", updated.getJsonObject("member").getJsonObject("metadata").getString("displayName"));
            JsonObject view = a.request("roomView", Map.of("room", room)).getJsonObject("data");
            assertEquals("Grace H.", view.getJsonObject("members").getJsonObject(bId).getJsonObject("metadata")
                    .getString("displayName"));
        }
    }

    @Test
    void metadataIsBounded() throws Exception {
        try (TestClient a = TestClient.connect(base)) {
            HttpResponse<String> refused = roomOp("bigMetadata", null, a.id(), null);
            assertEquals(409, refused.statusCode());
            assertTrue(refused.body().startsWith("metadata too large"), refused.body());
        }
    }

    @Test
    void aRoomConfiguredQuietAnnouncesNothing() throws Exception {
        ensureRoom("quiet");
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, "quiet");
            join(b, "quiet");
            b.request("say", Map.of("room", "quiet", "message", "marker"));
            a.awaitContext("user", m -> m.getString("message").equals("marker"));
            assertEquals(0, a.count(v -> v instanceof JsonObject o && "presence".equals(o.getString("context", null))));
        }
    }

    @Test
    void presenceCanBeTurnedOffForOneRoomAtRuntime() throws Exception {
        String room = newRoom();
        assertEquals("ok", roomOp("configure", room, null, null, Map.of("presence", "false", "perUser", "false")).body());
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            join(b, room);
            b.request("say", Map.of("room", room, "message", "marker"));
            a.awaitContext("user", m -> m.getString("message").equals("marker"));
            assertEquals(0, a.count(v -> v instanceof JsonObject o && "presence".equals(o.getString("context", null))));
        }
    }

    @Test
    void inAPerUserRoomTwoTabsOfOneBrowserAreOneMember() throws Exception {
        ensureRoom("byUser");
        String fingerprint = TestHttp.fingerprint(base);
        try (TestClient watcher = TestClient.connect(base);
             TestClient tab1 = TestClient.connect(base, "sessionID=" + fingerprint, Map.of());
             TestClient tab2 = TestClient.connect(base, "sessionID=" + fingerprint, Map.of())) {
            join(watcher, "byUser");
            join(tab1, "byUser");
            join(tab2, "byUser");
            String tab1Id = tab1.id();
            String tab2Id = tab2.id();
            JsonObject view = watcher.request("roomView", Map.of("room", "byUser")).getJsonObject("data");
            JsonObject user = view.getJsonObject("members").values().stream().map(JsonValue::asJsonObject)
                    .filter(m -> m.getJsonArray("connections").size() == 2).findFirst().orElseThrow();
            assertEquals(Set.of(tab1Id, tab2Id), user.getJsonArray("connections").getValuesAs(
                    jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).collect(Collectors.toSet()));
            tab2.request("roomLeave", Map.of("room", "byUser"));
            tab1.request("say", Map.of("room", "byUser", "message", "marker-1"));
            watcher.awaitContext("user", m -> m.getString("message").equals("marker-1"));
            assertEquals(1, presenceEvents(watcher, "byUser", "join", user.getString("user")));
            assertEquals(0, presenceEvents(watcher, "byUser", "leave", user.getString("user")),
                    "the user is still there in another tab");
            tab1.request("roomLeave", Map.of("room", "byUser"));
            watcher.awaitContext("presence", p -> p.getString("event").equals("leave")
                    && p.getJsonObject("member").getString("user").equals(user.getString("user")));
        }
    }

    @Test
    void aMemberListBuiltFromSnapshotAndDiffsAgreesWithRoomViewWhileJoinsAndLeavesRace() throws Exception {
        String room = newRoom();
        try (TestClient observer = TestClient.connect(base)) {
            join(observer, room);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> work = new ArrayList<>();
            List<TestClient> stayers = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 24; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    TestClient client = TestClient.connect(base);
                    join(client, room);
                    if (n % 3 == 0) {
                        client.request("roomLeave", Map.of("room", room));
                    }
                    if (n % 3 == 1) {
                        client.close();
                    } else {
                        stayers.add(client);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            pool.shutdown();
            // a marker after every change: once it arrives, every presence frame before it has too
            observer.request("say", Map.of("room", room, "message", "end-of-race"));
            observer.awaitContext("user", m -> m.getString("message").equals("end-of-race"));
            // closed connections leave when the server notices the close: wait for that, then compare
            eventually(Duration.ofSeconds(30), () -> {
                Set<String> expected = new HashSet<>(observer.request("roomView", Map.of("room", room))
                        .getJsonObject("data").getJsonObject("members").keySet());
                assertEquals(expected, buildList(observer, room));
                assertEquals(1 + 8, expected.size(), "the observer and the members that stayed");
            });
            stayers.forEach(TestClient::close);
        }
    }

    /** What a client would show: its snapshot, then every join and leave after it, in order. */
    private static Set<String> buildList(TestClient client, String room) {
        Set<String> members = null;
        for (JsonValue frame : client.frames()) {
            if (!(frame instanceof JsonObject o) || !"presence".equals(o.getString("context", null))
                    || !room.equals(o.getString("room"))) {
                continue;
            }
            switch (o.getString("event")) {
                case "snapshot" -> members = new HashSet<>(o.getJsonObject("members").keySet());
                case "join" -> members.add(o.getJsonObject("member").getString("id"));
                case "leave" -> members.remove(o.getJsonObject("member").getString("id"));
                default -> { }
            }
        }
        return members;
    }

    private static long presenceEvents(TestClient client, String room, String event, String user) {
        return client.count(v -> v instanceof JsonObject o && "presence".equals(o.getString("context", null))
                && room.equals(o.getString("room")) && event.equals(o.getString("event"))
                && user.equals(o.getJsonObject("member").getString("user")));
    }

    private String newRoom() throws Exception {
        return rooms.newRoom("presence");
    }

    private void ensureRoom(String room) throws Exception {
        rooms.ensureRoom(room);
    }

    private HttpResponse<String> roomOp(String op, String room, String connection, String text) throws Exception {
        return rooms.op(op, room, connection, text);
    }

    private HttpResponse<String> roomOp(String op, String room, String connection, String text,
                                        Map<String, String> extra) throws Exception {
        return rooms.op(op, room, connection, text, extra);
    }
}
