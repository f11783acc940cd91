package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.huddle.it.Eventually.eventually;
import static io.huddle.it.RoomOps.assertError;
import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rooms are not free (#16): clients create rooms only up to {@code huddle.chat.maxRooms}, an empty room a client
 * created goes after {@code huddle.chat.idleRoomTimeout} while starting, application and occupied rooms stay,
 * {@code listRooms} answers a bounded list, and metadata nested too deep is a clear error. One node, small limits.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoomLimitsIT {

    private static final int MAX_ROOMS = 10;
    private static final int IDLE_MS = 3000;
    private static final int LIST_LIMIT = 3;
    /** Long enough for an idle room to go: the timeout, a sweep period (a tenth of it) and a loaded box's slack. */
    private static final Duration GONE_WITHIN = Duration.ofSeconds(20);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.plain(Deployments.ratesOff(Map.of(
                "huddle.chat.maxRooms", Integer.toString(MAX_ROOMS),
                "huddle.chat.idleRoomTimeout", Integer.toString(IDLE_MS),
                "huddle.chat.listRoomsLimit", Integer.toString(LIST_LIMIT)), "roomCreate"));
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
    @Order(1)
    void clientsCreateRoomsUpToTheCapThenGetAClearErrorWhileTheApplicationStillCan() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            int existing = total(listRooms(client, null));
            String run = UUID.randomUUID().toString().substring(0, 8);
            int created = 0;
            JsonObject refused = null;
            for (int i = 0; i < MAX_ROOMS + 5 && refused == null; i++) {
                JsonObject reply = createChatRoom(client, "cap-" + run + "-" + i);
                if (reply.containsKey("error")) {
                    refused = reply;
                } else {
                    assertEquals(JsonValue.TRUE, reply.get("didCreate"), reply.toString());
                    created++;
                }
            }
            assertEquals(MAX_ROOMS - existing, created, "rooms created before the cap");
            assertEquals("room limit reached (10 rooms): try again later", refused.getString("error"));
            assertEquals(JsonValue.FALSE, createChatRoom(client, "cap-" + run + "-0").get("didCreate"),
                    "an existing room is still answered at the cap");

            HttpResponse<String> overHttp = TestHttp.client().send(HttpRequest.newBuilder(base.toURI().resolve(
                    "api/createChatRoom?name=http-" + run)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, overHttp.statusCode(), overHttp.body());
            assertEquals("room limit reached (10 rooms): try again later", json(overHttp.body()).getString("error"));

            assertEquals("ok", rooms.op("add", "app-" + run, null, null).body(), "the application is not capped");
            JsonObject status = client.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "status").build()));
            assertEquals(2, status.getJsonObject("refusals").getInt("maxRooms"), status.toString());

            // the cap's rooms were never joined: they go after the idle timeout, and clients can create again
            eventually(GONE_WITHIN, () -> assertEquals(existing + 1, total(listRooms(client, null)),
                    "the starting and application rooms stay, the idle client rooms go"));
            assertEquals(JsonValue.TRUE, createChatRoom(client, "again-" + run).get("didCreate"));
        }
    }

    @Test
    @Order(2)
    void anIdleClientRoomGoesWhileStartingApplicationAndOccupiedRoomsStay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String idle = "idle-" + run;
        String occupied = "occupied-" + run;
        String app = "app-" + run;
        try (TestClient member = TestClient.connect(base); TestClient other = TestClient.connect(base)) {
            assertEquals(JsonValue.TRUE, createChatRoom(member, idle).get("didCreate"));
            assertEquals(JsonValue.TRUE, createChatRoom(member, occupied).get("didCreate"));
            join(member, occupied);
            assertEquals("ok", rooms.op("add", app, null, null).body());

            eventually(GONE_WITHIN, () -> assertEquals("room does not exist",
                    rooms.op("status", idle, null, null).body()));
            assertError(other.request("roomAdd", Map.of("room", idle)), "Error: room does not exist");
            Thread.sleep(2L * IDLE_MS); // two more timeouts: nothing else goes
            join(other, occupied);
            join(other, app);
            join(other, "defaultRoom");
            assertEquals(2, RoomOps.members(other, occupied).size(), "the member was left in place");

            member.request("roomLeave", Map.of("room", occupied));
            other.request("roomLeave", Map.of("room", occupied));
            eventually(GONE_WITHIN, () -> assertEquals("room does not exist",
                    rooms.op("status", occupied, null, null).body()));
            assertTrue(RoomOps.members(other, app).contains(other.id()), "the application's empty rooms stay");
        }
    }

    @Test
    @Order(3)
    void listRoomsAnswersAtMostTheLimitAndSaysHowManyThereAre() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < LIST_LIMIT + 2; i++) {
            rooms.op("add", "listed-" + run + "-" + i, null, null);
        }
        try (TestClient client = TestClient.connect(base)) {
            JsonObject all = listRooms(client, null);
            assertEquals(LIST_LIMIT, all.getJsonArray("rooms").size(), all.toString());
            assertTrue(all.getInt("total") >= LIST_LIMIT + 3, all.toString());
            assertEquals(JsonValue.TRUE, all.get("truncated"));
            JsonObject two = listRooms(client, 2);
            assertEquals(2, two.getJsonArray("rooms").size(), two.toString());
            JsonObject many = listRooms(client, 1_000_000);
            assertEquals(LIST_LIMIT, many.getJsonArray("rooms").size(), "capped at the limit: " + many);
            assertEquals("limit must be a whole number of at least 1", listRooms(client, 0).getString("error"));
        }
    }

    @Test
    @Order(4)
    void metadataNestedTooDeepIsAClearErrorAndTheConnectionGoesOn() throws Exception {
        String room = rooms.newRoom("meta");
        try (TestClient setter = TestClient.connect(base); TestClient watcher = TestClient.connect(base)) {
            join(setter, room);
            join(watcher, room);
            setter.sendRaw(Json.createObjectBuilder().add("event", "action").add("messageId", "deep")
                    .add("params", Json.createObjectBuilder().add("action", "setMetadata")
                            .add("metadata", nested(40))).build().toString());
            JsonObject refused = setter.awaitContext("response", r -> r.containsKey("error"));
            assertEquals("Error: the JSON is nested too deeply: at most 32 levels of arrays and objects",
                    refused.getString("error"));

            JsonObject fine = setter.request("action", Map.of("params", Json.createObjectBuilder()
                    .add("action", "setMetadata").add("metadata", nested(20)).build()));
            assertFalse(fine.containsKey("error"), fine.toString());
            JsonObject update = watcher.awaitContext("presence", p -> p.getString("event").equals("update"));
            assertEquals(setter.id(), update.getJsonObject("member").getString("id"));
            assertEquals("OK", setter.request("detailsView").getString("status"));

            HttpResponse<String> overHttp = TestHttp.client().send(HttpRequest.newBuilder(base.toURI().resolve(
                            "api/echo")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                            .add("payload", nested(40)).build().toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, overHttp.statusCode(), overHttp.body());
            assertEquals("the JSON is nested too deeply: at most 32 levels of arrays and objects",
                    json(overHttp.body()).getString("error"));
        }
    }

    @Test
    @Order(5)
    void metadataSetAgainUnchangedIsNotAnnouncedAgain() throws Exception {
        String room = rooms.newRoom("meta-same");
        try (TestClient setter = TestClient.connect(base); TestClient watcher = TestClient.connect(base)) {
            join(setter, room);
            join(watcher, room);
            for (String name : List.of("Ada", "Ada", "Ada", "Bea")) {
                JsonObject reply = setter.request("action", Map.of("params", Json.createObjectBuilder()
                        .add("action", "setMetadata").add("metadata", Json.createObjectBuilder()
                                .add("displayName", name)).build()));
                assertEquals(name, reply.getJsonObject("metadata").getString("displayName"), reply.toString());
            }
            watcher.awaitContext("presence", p -> p.getString("event").equals("update")
                    && p.getJsonObject("member").getJsonObject("metadata").getString("displayName").equals("Bea"));
            List<String> announced = new ArrayList<>();
            for (JsonValue frame : watcher.frames()) {
                if (frame instanceof JsonObject o && "presence".equals(o.getString("context", null))
                        && "update".equals(o.getString("event"))) {
                    announced.add(o.getJsonObject("member").getJsonObject("metadata").getString("displayName"));
                }
            }
            assertEquals(List.of("Ada", "Bea"), announced);
        }
    }

    // ---- helpers

    private static JsonObject createChatRoom(TestClient client, String name) {
        return client.request("action", Map.of("params",
                Json.createObjectBuilder().add("action", "createChatRoom").add("name", name).build()));
    }

    private static JsonObject listRooms(TestClient client, Integer limit) {
        JsonObjectBuilder params = Json.createObjectBuilder().add("action", "listRooms");
        if (limit != null) {
            params.add("limit", limit);
        }
        return client.request("action", Map.of("params", params.build()));
    }

    /** Every room's count: {@code total} when the answer is truncated, else the names listed. */
    private static int total(JsonObject listed) {
        return listed.containsKey("total") ? listed.getInt("total") : listed.getJsonArray("rooms").size();
    }

    /** An object {@code levels} deep. */
    private static JsonObject nested(int levels) {
        JsonObject value = Json.createObjectBuilder().add("a", 1).build();
        for (int i = 1; i < levels; i++) {
            value = Json.createObjectBuilder().add("a", value).build();
        }
        return value;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
