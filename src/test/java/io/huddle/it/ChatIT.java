package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.huddle.it.Eventually.eventually;
import static io.huddle.it.RoomOps.assertError;
import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chat rooms over the websocket: the verbs, their errors, the four middleware hooks and the room API. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.huddle();
    }

    @ArquillianResource
    URL deployed;

    private URL base;
    private RoomOps rooms;
    private final HttpClient http = TestHttp.client();

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
        rooms = new RoomOps(base);
    }

    // ---- verbs

    @Test
    void roomAddAnswersOkAndTheRoomShowsInDetails() throws Exception {
        String room = newRoom();
        try (TestClient client = TestClient.connect(base)) {
            JsonObject reply = client.request("roomAdd", Map.of("room", room));
            assertEquals(List.of("status", "context", "data", "messageId"), List.copyOf(reply.keySet()));
            assertEquals("OK", reply.getString("status"));
            assertEquals(JsonValue.TRUE, reply.get("data"));
            assertEquals(Json.createArrayBuilder().add(room).build(), client.details().getJsonArray("rooms"));
        }
    }

    @Test
    void sayIsDeliveredToEveryMemberIncludingTheSender() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            join(b, room);
            String bId = b.id();
            JsonObject reply = b.request("say", Map.of("room", room, "message", "hi from B"));
            assertEquals(Json.createObjectBuilder().add("status", "OK").add("context", "response")
                    .add("messageId", reply.get("messageId")).build(), reply);
            for (TestClient client : List.of(a, b)) {
                JsonObject chat = client.awaitContext("user", m -> room.equals(m.getString("room")));
                assertEquals(List.of("message", "room", "from", "context", "sentAt"), List.copyOf(chat.keySet()));
                assertEquals("hi from B", chat.getString("message"));
                assertEquals(bId, chat.getString("from"));
                assertTrue(Math.abs(System.currentTimeMillis() - chat.getJsonNumber("sentAt").longValue()) < 60_000);
            }
        }
    }

    @Test
    void aConnectionCanBeInManyRoomsAndHearsEachOfThem() throws Exception {
        String first = newRoom();
        String second = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, first);
            join(a, second);
            join(b, second);
            b.request("say", Map.of("room", second, "message", "in second"));
            a.awaitContext("user", m -> m.getString("room").equals(second) && m.getString("message").equals("in second"));
            assertEquals(2, a.details().getJsonArray("rooms").size());
        }
    }

    @Test
    void roomViewListsTheMembers() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            join(b, room);
            JsonObject data = a.request("roomView", Map.of("room", room)).getJsonObject("data");
            assertEquals(room, data.getString("room"));
            assertEquals(2, data.getInt("membersCount"));
            JsonObject members = data.getJsonObject("members");
            assertEquals(Set(a.id(), b.id()), members.keySet());
            JsonObject entry = members.getJsonObject(a.id());
            assertEquals(a.id(), entry.getString("id"));
            assertTrue(entry.getJsonNumber("joinedAt").longValue() > 0);
        }
    }

    @Test
    void roomLeaveRemovesTheMember() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            join(b, room);
            assertEquals("OK", b.request("roomLeave", Map.of("room", room)).getString("status"));
            assertEquals(1, a.request("roomView", Map.of("room", room)).getJsonObject("data").getInt("membersCount"));
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, b.details().getJsonArray("rooms"));
        }
    }

    // ---- the errors of spec §5.1, exactly

    @Test
    void verbErrorsUseActionHerosTexts() throws Exception {
        String room = newRoom();
        try (TestClient client = TestClient.connect(base)) {
            assertError(client.request("roomAdd", Map.of("room", "no-such-room-" + UUID.randomUUID())),
                    "Error: room does not exist");
            join(client, room);
            assertError(client.request("roomAdd", Map.of("room", room)),
                    "Error: connection already in this room (" + room + ")");
            assertError(client.request("roomLeave", Map.of("room", "elsewhere")),
                    "Error: connection not in this room (elsewhere)");
            assertError(client.request("roomView", Map.of("room", "elsewhere")),
                    "Error: connection not in this room (elsewhere)");
            assertError(client.request("roomView"), "Error: connection not in this room (undefined)");
            JsonObject notIn = client.request("say", Map.of("room", "notjoined", "message", "hello"));
            assertError(notIn, "Error: connection not in this room (notjoined)");
            assertEquals(Json.createObjectBuilder().add("message", "hello").build(), notIn.getJsonObject("data"));
            assertError(client.request("say", Map.of("room", room)), "Error: both room and message are required");
            assertError(client.request("say", Map.of("room", room, "message", "")),
                    "Error: both room and message are required");
        }
    }

    @Test
    void badRoomNamesAreRefusedClearly() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            assertError(client.request("roomAdd", Map.of("room", "")), "Error: a room is required");
            assertError(client.request("roomAdd"), "Error: a room is required");
            assertError(client.request("roomAdd", Map.of("room", "x".repeat(300))),
                    "Error: room name too long: at most 256 characters");
            assertError(client.request("roomAdd", Map.of("room", "bad\u0000name")),
                    "Error: room name must not contain control characters");
            assertEquals("OK", client.request("detailsView").getString("status"));
        }
        assertEquals("room name too long: at most 256 characters", roomOp("add", "y".repeat(300), null, null).body());
    }

    @Test
    void sayWithAnObjectOrANumber() throws Exception {
        String room = newRoom();
        try (TestClient client = TestClient.connect(base)) {
            join(client, room);
            client.sendRaw("{\"event\":\"say\",\"room\":\"" + room + "\",\"message\":{\"text\":\"obj\"},\"messageId\":5}");
            assertEquals("Error: message must be a string", client.replyTo(Json.createValue(5)).getString("error"));
            client.sendRaw("{\"event\":\"say\",\"room\":\"" + room + "\",\"message\":42,\"messageId\":6}");
            assertEquals("OK", client.replyTo(Json.createValue(6)).getString("status"));
            client.awaitContext("user", m -> "42".equals(m.getString("message")));
        }
    }

    @Test
    void aOneMebibyteSayIsOverTheFrameLimitAndOnlyThatClientIsClosed() throws Exception {
        String room = newRoom();
        try (TestClient big = TestClient.connect(base); TestClient other = TestClient.connect(base)) {
            join(big, room);
            join(other, room);
            String otherId = other.id();
            try {
                big.sendRaw("{\"event\":\"say\",\"room\":\"" + room + "\",\"message\":\"" + "m".repeat(1 << 20) + "\"}");
            } catch (IllegalStateException e) {
                // the server may close while the frame is still being written: that is the expected outcome
                // (TestClient reports the failed send as an IllegalStateException around the CompletionException)
                if (!(e.getCause() instanceof java.util.concurrent.CompletionException)) {
                    throw e;
                }
            }
            assertEquals(1009, big.awaitClose(Duration.ofSeconds(10)).code());
            // a closed connection leaves its rooms on the server's own thread, just after the close
            awaitMembers(other, room, ids -> ids.equals(Set(otherId)));
            assertEquals(1, other.request("roomView", Map.of("room", room)).getJsonObject("data").getInt("membersCount"));
        }
    }

    @Test
    void thereIsACapOnRoomsPerConnection() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            for (int i = 0; i < 20; i++) {
                join(client, newRoom());
            }
            String oneTooMany = newRoom();
            assertError(client.request("roomAdd", Map.of("room", oneTooMany)),
                    "Error: too many rooms: a connection may be in at most 20 rooms");
            assertEquals(20, client.details().getJsonArray("rooms").size());
        }
    }

    // ---- middleware hooks

    @Test
    void aJoinHookCanRefuse() throws Exception {
        ensureRoom("closed");
        try (TestClient client = TestClient.connect(base)) {
            assertError(client.request("roomAdd", Map.of("room", "closed")), "Error: joining rooms blocked");
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, client.details().getJsonArray("rooms"));
        }
    }

    @Test
    void aJoinHookThatThrowsAnyExceptionRefusesWithItsMessage() throws Exception {
        ensureRoom("secret");
        try (TestClient client = TestClient.connect(base)) {
            assertError(client.request("roomAdd", Map.of("room", "secret")), "Error: no entry to secret");
        }
    }

    @Test
    void anAuthenticatedRoomAdmitsOnlyConnectionsThatLoggedIn() throws Exception {
        ensureRoom("secret");
        try (TestClient guest = TestClient.connect(base); TestClient member = TestClient.connect(base)) {
            assertError(guest.request("roomAdd", Map.of("room", "secret")), "Error: no entry to secret");
            JsonObject login = member.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "login").add("user", "ada").add("password", "secret").build()));
            assertEquals(JsonValue.TRUE, login.get("authenticated"), login.toString());
            assertEquals("OK", member.request("roomAdd", Map.of("room", "secret")).getString("status"));
            JsonObject wrong = guest.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "login").add("user", "eve").add("password", "guess").build()));
            assertTrue(wrong.containsKey("error"), wrong.toString());
            assertError(guest.request("roomAdd", Map.of("room", "secret")), "Error: no entry to secret");
        }
    }

    @Test
    void chatActionsCreateListAndDescribeRooms() throws Exception {
        String room = "made-by-action-" + UUID.randomUUID();
        try (TestClient client = TestClient.connect(base)) {
            JsonObject created = client.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "createChatRoom").add("name", room).build()));
            assertEquals(JsonValue.TRUE, created.get("didCreate"), created.toString());
            JsonObject again = client.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "createChatRoom").add("name", room).build()));
            assertEquals(JsonValue.FALSE, again.get("didCreate"), again.toString());
            JsonObject listed = client.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "listRooms").build()));
            assertTrue(listed.getJsonArray("rooms").contains(Json.createValue(room)), listed.toString());
            JsonObject status = client.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "status").build()));
            assertTrue(status.getInt("rooms") >= 1, status.toString());
            JsonObject badName = client.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "createChatRoom").add("name", "x".repeat(300)).build()));
            assertEquals("room name too long: at most 256 characters", badName.getString("error"));
        }
        HttpResponse<String> overHttp = http.send(HttpRequest.newBuilder(base.toURI().resolve(
                "api/createChatRoom?name=" + URLEncoder.encode("http-" + UUID.randomUUID(), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, overHttp.statusCode(), overHttp.body());
        assertEquals(JsonValue.TRUE, json(overHttp.body()).get("didCreate"));
    }

    @Test
    void aClientSetsItsOwnMetadataAndOnlyItsOwn() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            join(b, room);
            String aId = a.id();
            String bId = b.id();
            JsonObject set = b.request("action", Map.of("params", Json.createObjectBuilder().add("action", "setMetadata")
                    .add("metadata", Json.createObjectBuilder().add("displayName", "Bea")).add("id", aId).build()));
            assertEquals("Bea", set.getJsonObject("metadata").getString("displayName"), set.toString());
            JsonObject update = a.awaitContext("presence", p -> p.getString("event").equals("update"));
            assertEquals(bId, update.getJsonObject("member").getString("id"));
            JsonObject members = a.request("roomView", Map.of("room", room)).getJsonObject("data").getJsonObject("members");
            assertEquals("Bea", members.getJsonObject(bId).getJsonObject("metadata").getString("displayName"));
            assertFalse(members.getJsonObject(aId).containsKey("metadata"), "a's metadata is a's alone");
            var tooMany = Json.createObjectBuilder();
            for (int i = 0; i < 20; i++) {
                tooMany.add("k" + i, i);
            }
            JsonObject refused = b.request("action", Map.of("params", Json.createObjectBuilder()
                    .add("action", "setMetadata").add("metadata", tooMany).build()));
            assertEquals("metadata has too many keys: at most 16", refused.getString("error"));
            JsonObject notAnObject = b.request("action", Map.of("params", Json.createObjectBuilder()
                    .add("action", "setMetadata").add("metadata", "Bea").build()));
            assertEquals("metadata must be an object", notAnObject.getString("error"));
        }
    }

    @Test
    void aLeaveHookCanRefuseButNotStopADisconnect() throws Exception {
        ensureRoom("sticky");
        ensureRoom("crashy");
        try (TestClient watcher = TestClient.connect(base)) {
            join(watcher, "crashy");
            join(watcher, "sticky");
            String leaverId;
            try (TestClient leaver = TestClient.connect(base)) {
                leaverId = leaver.id();
                join(leaver, "sticky");
                join(leaver, "crashy");
                assertError(leaver.request("roomLeave", Map.of("room", "sticky")), "Error: you cannot leave sticky");
                assertError(leaver.request("roomLeave", Map.of("room", "crashy")), "Error: leave hook crashed");
                assertEquals(2, leaver.details().getJsonArray("rooms").size());
            }
            awaitMembers(watcher, "sticky", ids -> !ids.contains(leaverId));
            awaitMembers(watcher, "crashy", ids -> !ids.contains(leaverId));
            assertEquals("OK", watcher.request("detailsView").getString("status"));
        }
    }

    @Test
    void onSayReceiveCanRewriteDropAndReject() throws Exception {
        for (String room : List.of("filtered", "dropped", "rejecting")) {
            ensureRoom(room);
        }
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            for (String room : List.of("filtered", "dropped", "rejecting")) {
                join(a, room);
                join(b, room);
            }
            a.request("say", Map.of("room", "filtered", "message", "darn it"));
            b.awaitContext("user", m -> m.getString("room").equals("filtered") && m.getString("message").equals("*** it"));
            assertEquals("OK", a.request("say", Map.of("room", "dropped", "message", "gone")).getString("status"));
            JsonObject rejected = a.request("say", Map.of("room", "rejecting", "message", "nope"));
            assertError(rejected, "Error: onSayReceive threw");
            // a marker after both: once it arrives, the dropped and rejected messages would have too
            a.request("say", Map.of("room", "filtered", "message", "marker"));
            b.awaitContext("user", m -> m.getString("message").equals("marker"));
            assertEquals(0, b.count(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))
                    && List.of("dropped", "rejecting").contains(o.getString("room"))));
        }
    }

    @Test
    void onSayReceiveHooksRunInPriorityOrder() throws Exception {
        ensureRoom("ordered");
        try (TestClient a = TestClient.connect(base)) {
            join(a, "ordered");
            a.request("say", Map.of("room", "ordered", "message", "x"));
            a.awaitContext("user", m -> m.getString("message").equals("x [100] [200]"));
        }
    }

    @Test
    void onSayReceiveRunsOncePerMessageAndSayOncePerRecipient() throws Exception {
        ensureRoom("counted");
        ensureRoom("personal");
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base);
             TestClient c = TestClient.connect(base)) {
            for (TestClient client : List.of(a, b, c)) {
                join(client, "counted");
                join(client, "personal");
            }
            a.request("say", Map.of("room", "counted", "message", "n"));
            List<String> seen = List.of(a, b, c).stream()
                    .map(client -> client.awaitContext("user", m -> m.getString("room").equals("counted"))
                            .getString("message"))
                    .toList();
            assertEquals(1, seen.stream().distinct().count(), "onSayReceive must run once per message: " + seen);
            a.request("say", Map.of("room", "personal", "message", "hey"));
            for (TestClient client : List.of(a, b, c)) {
                String id = client.id();
                client.awaitContext("user", m -> m.getString("room").equals("personal")
                        && m.getString("message").equals("hey [to " + id + "]"));
            }
        }
    }

    @Test
    void aSayHookCanSkipARecipientAndAThrowingOneSkipsOnlyThatRecipient() throws Exception {
        ensureRoom("hidden");
        ensureRoom("exploding");
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            for (String room : List.of("hidden", "exploding")) {
                join(a, room);
                join(b, room);
            }
            a.request("say", Map.of("room", "hidden", "message", "not for me"));
            a.request("say", Map.of("room", "exploding", "message", "boom"));
            b.awaitContext("user", m -> m.getString("message").equals("not for me"));
            b.awaitContext("user", m -> m.getString("message").equals("boom"));
            a.request("say", Map.of("room", "hidden", "message", "marker"));
            b.awaitContext("user", m -> m.getString("message").equals("marker"));
            assertEquals(0, a.count(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))));
        }
    }

    // ---- the room API for application code

    @Test
    void serverBroadcastsComeFromZero() throws Exception {
        String room = newRoom();
        try (TestClient client = TestClient.connect(base)) {
            join(client, room);
            assertEquals("ok", roomOp("broadcast", room, null, "maintenance at noon").body());
            JsonObject text = client.awaitContext("user", m -> m.get("message").equals(Json.createValue("maintenance at noon")));
            assertEquals("0", text.getString("from"));
            roomOp("broadcastObject", room, null, "obj");
            JsonObject object = client.awaitContext("user", m -> m.get("message") instanceof JsonObject);
            assertEquals("obj", object.getJsonObject("message").getString("text"));
        }
    }

    @Test
    void destroyingARoomTellsAndRemovesItsMembers() throws Exception {
        String room = newRoom();
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            join(b, room);
            assertEquals("ok", roomOp("destroy", room, null, null).body());
            for (TestClient client : List.of(a, b)) {
                JsonObject told = client.awaitContext("user", m -> m.getString("room").equals(room));
                assertEquals("this room has been deleted", told.getString("message"));
                assertEquals("0", told.getString("from"));
                assertEquals(JsonValue.EMPTY_JSON_ARRAY, client.details().getJsonArray("rooms"));
            }
            assertError(a.request("roomAdd", Map.of("room", room)), "Error: room does not exist");
            assertEquals("room does not exist", roomOp("destroy", room, null, null).body());
        }
    }

    @Test
    void roomApiErrorsAndMembership() throws Exception {
        String room = newRoom();
        assertEquals("room exists", roomOp("add", room, null, null).body());
        assertEquals("room does not exist", roomOp("status", "nope-" + UUID.randomUUID(), null, null).body());
        try (TestClient client = TestClient.connect(base)) {
            String id = client.id();
            assertEquals("ok", roomOp("addMember", room, id, null).body());
            assertEquals(Json.createArrayBuilder().add(room).build(), client.details().getJsonArray("rooms"));
            assertEquals("connection already in this room (" + room + ")", roomOp("addMember", room, id, null).body());
            assertEquals("ok", roomOp("metadata", null, id, "Ada").body());
            JsonObject status = json(roomOp("status", room, null, null).body());
            assertEquals("Ada", status.getJsonObject("members").getJsonObject(id).getJsonObject("metadata")
                    .getString("displayName"));
            assertEquals("ok", roomOp("removeMember", room, id, null).body());
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, client.details().getJsonArray("rooms"));
            assertEquals("connection not in this room (" + room + ")", roomOp("removeMember", room, id, null).body());
            assertEquals("connection not found (no-such-connection)",
                    roomOp("addMember", room, "no-such-connection", null).body());
        }
    }

    @Test
    void theDefaultRoomExistsAtBoot() throws Exception {
        assertTrue(roomOp("list", null, null, null).body().contains("\"defaultRoom\""));
        try (TestClient client = TestClient.connect(base)) {
            assertEquals("OK", client.request("roomAdd", Map.of("room", "defaultRoom")).getString("status"));
        }
    }

    @Test
    void aDisconnectRemovesTheConnectionFromEveryRoom() throws Exception {
        String first = newRoom();
        String second = newRoom();
        try (TestClient stays = TestClient.connect(base)) {
            join(stays, first);
            join(stays, second);
            String goneId;
            try (TestClient goes = TestClient.connect(base)) {
                goneId = goes.id();
                join(goes, first);
                join(goes, second);
            }
            awaitMembers(stays, first, ids -> ids.equals(java.util.Set.of(stays.id())));
            awaitMembers(stays, second, ids -> !ids.contains(goneId));
        }
    }

    // ---- helpers

    private static java.util.Set<String> Set(String... ids) {
        return java.util.Set.of(ids);
    }

    /** Waits until the room's member ids, as {@code client}'s roomView shows them, pass {@code test}. */
    private static void awaitMembers(TestClient client, String room, Predicate<java.util.Set<String>> test) {
        eventually(Duration.ofSeconds(10), () -> client.request("roomView", Map.of("room", room)).getJsonObject("data")
                .getJsonObject("members").keySet(), ids -> assertTrue(test.test(ids), "members of " + room + ": " + ids));
    }

    private String newRoom() throws Exception {
        return rooms.newRoom("room");
    }

    private void ensureRoom(String room) throws Exception {
        rooms.ensureRoom(room);
    }

    private HttpResponse<String> roomOp(String op, String room, String connection, String text) throws Exception {
        return rooms.op(op, room, connection, text);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
