package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.huddle.it.RoomOps.assertError;
import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Per-connection rate limits as a client meets them (README, *Limits*): over a bucket a request is answered with
 * {@code rate limit exceeded (<limit>)} and {@code retryAfter} and is not carried out, others are served as before,
 * a client that keeps hammering is closed with 1008, and {@code /api} answers 429 with {@code Retry-After}. Small
 * limits for this deployment only; the shipped defaults are what every other
 * integration test runs with. The refills are slow (a say token every 2 s, an action token every 10 s) so that a
 * loaded machine cannot refill a bucket while a test empties it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitsIT {

    private static final int SAY_BURST = 5;
    private static final int ACTIONS_BURST = 8;
    private static final int ROOM_CREATE_BURST = 2;
    private static final int HAMMERING_BURST = 30;
    private static final int ROOM_VERBS_BURST = 6;
    private static final int API_ADDRESS_BURST = 12;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.huddle(Map.ofEntries(
                Map.entry("huddle.limits.say.rate", "0.5"),
                Map.entry("huddle.limits.say.burst", Integer.toString(SAY_BURST)),
                Map.entry("huddle.limits.actions.rate", "0.1"),
                Map.entry("huddle.limits.actions.burst", Integer.toString(ACTIONS_BURST)),
                Map.entry("huddle.limits.roomCreate.rate", "0.1"),
                Map.entry("huddle.limits.roomCreate.burst", Integer.toString(ROOM_CREATE_BURST)),
                // the test plays a proxy for whatever address it forwards, seen from wherever it connects (Payara's
                // Arquillian URL is the host's own address, not loopback)
                Map.entry("huddle.web.trustedProxies", "0.0.0.0/0, ::/0"),
                Map.entry("huddle.limits.apiAddress.rate", "0.1"),
                Map.entry("huddle.limits.apiAddress.burst", Integer.toString(API_ADDRESS_BURST)),
                Map.entry("huddle.limits.roomVerbs.rate", "0.1"),
                Map.entry("huddle.limits.roomVerbs.burst", Integer.toString(ROOM_VERBS_BURST)),
                Map.entry("huddle.limits.hammering.rate", "1"),
                Map.entry("huddle.limits.hammering.burst", Integer.toString(HAMMERING_BURST)),
                // where trusted back-end bots speak: no say limit in this room
                Map.entry("huddle.limits.say.rooms.bots.rate", "0")));
    }

    @ArquillianResource
    URL base;

    @Test
    void aSenderOverItsSayRateIsRefusedWithRetryAfterAndItsExcessIsNotDeliveredWhileOthersAreServed()
            throws Exception {
        RoomOps rooms = new RoomOps(base);
        String flooded = rooms.newRoom("flooded");
        String quiet = rooms.newRoom("quiet");
        try (TestClient sender = TestClient.connect(base); TestClient listener = TestClient.connect(base);
             TestClient alice = TestClient.connect(base); TestClient bob = TestClient.connect(base)) {
            join(sender, flooded);
            join(listener, flooded);
            join(alice, quiet);
            join(bob, quiet);
            int sent = SAY_BURST + 5;
            for (int id = 1001; id <= 1000 + sent; id++) {
                sender.sendRaw(sayFrame(id, flooded, "flood " + id));
            }
            List<JsonObject> replies = IntStream.rangeClosed(1001, 1000 + sent)
                    .mapToObj(id -> sender.replyTo(Json.createValue(id))).toList();
            List<JsonObject> refused = replies.stream().filter(r -> r.containsKey("error")).toList();
            assertTrue(refused.size() >= sent - SAY_BURST - 2, "a token comes back every 2 s: " + replies);
            for (JsonObject reply : refused) {
                assertError(reply, "Error: rate limit exceeded (say)");
                long retryAfter = reply.getJsonNumber("retryAfter").longValue();
                assertTrue(retryAfter > 0 && retryAfter <= 2000, "a token every 2 s: " + reply);
                assertTrue(reply.getJsonObject("data").getString("message").startsWith("flood "), reply.toString());
            }
            // another client is served meanwhile, as if nothing happened
            assertEquals("OK", alice.request("say", Map.of("room", quiet, "message", "still here"))
                    .getString("status"));
            bob.awaitContext("user", m -> "still here".equals(m.getString("message")));
            // once the sender waited as told, it may speak again; by the time its marker arrives, everything it was
            // allowed to say before has arrived too (one sender's messages keep their order)
            Thread.sleep(refused.get(refused.size() - 1).getJsonNumber("retryAfter").longValue() + 50);
            assertEquals("OK", sender.request("say", Map.of("room", flooded, "message", "marker"))
                    .getString("status"));
            listener.awaitContext("user", m -> "marker".equals(m.getString("message")));
            long delivered = listener.count(v -> v instanceof JsonObject o && "user".equals(o.getString("context", null))
                    && o.getString("message", "").startsWith("flood "));
            assertEquals(sent - refused.size(), delivered, "only what was accepted is delivered: " + listener.describe());
            assertFalse(sender.isClosed());
        }
    }

    @Test
    void aRoomWithoutASayLimitTakesEverySay() throws Exception {
        new RoomOps(base).ensureRoom("bots");
        try (TestClient bot = TestClient.connect(base)) {
            join(bot, "bots");
            for (int i = 0; i < SAY_BURST * 4; i++) {
                assertEquals("OK", bot.request("say", Map.of("room", "bots", "message", "beep " + i))
                        .getString("status"));
            }
        }
    }

    @Test
    void aConnectionThatKeepsHammeringIsToldNotToReconnectAndClosedWith1008() throws Exception {
        String room = new RoomOps(base).newRoom("hammered");
        try (TestClient hammer = TestClient.connect(base); TestClient other = TestClient.connect(base)) {
            join(hammer, room);
            try {
                for (int id = 1; id <= SAY_BURST + HAMMERING_BURST + 20; id++) {
                    hammer.sendRaw(sayFrame(id + 1000, room, "hammer"));
                }
            } catch (IllegalStateException closedWhileSending) {
                // the server closed the socket under the loop: what this test waits for below
            }
            TestClient.Closed closed = hammer.awaitClose(Duration.ofSeconds(10));
            assertEquals(1008, closed.code(), closed.toString());
            assertEquals("rate limit exceeded", closed.reason());
            List<JsonValue> frames = hammer.frames();
            int told = frames.indexOf(Json.createValue("primus::server::close"));
            assertTrue(told >= 0, "the stock client must not reconnect: " + hammer.describe());
            assertTrue(frames.subList(told, frames.size()).stream()
                            .noneMatch(f -> f instanceof JsonObject o && o.containsKey("error")),
                    "once told, its frames are dropped unanswered: " + hammer.describe());
            assertEquals("OK", other.request("detailsView").getString("status"));
        }
    }

    @Test
    void roomHistorySpendsFromTheRoomVerbsBucketLikeRoomView() throws Exception {
        String room = new RoomOps(base).newRoom("verbs");
        try (TestClient client = TestClient.connect(base)) {
            join(client, room); // the first roomVerbs token
            for (int i = 1; i < ROOM_VERBS_BURST; i++) {
                String verb = i % 2 == 0 ? "roomView" : "roomHistory";
                JsonObject reply = client.request(verb, Map.of("room", room));
                assertFalse(reply.containsKey("error"), verb + " within the burst: " + reply);
            }
            JsonObject history = client.request("roomHistory", Map.of("room", room));
            assertError(history, "Error: rate limit exceeded (roomVerbs)");
            long retryAfter = history.getJsonNumber("retryAfter").longValue();
            assertTrue(retryAfter > 0 && retryAfter <= 10_000, "a token every 10 s: " + history);
            assertError(client.request("roomView", Map.of("room", room)), "Error: rate limit exceeded (roomVerbs)");
        }
    }

    @Test
    void actionsOverTheWebsocketAreRefusedPastTheirBurstWithRetryAfter() {
        try (TestClient client = TestClient.connect(base)) {
            JsonObject refused = echoUntilRefused(client);
            assertEquals("rate limit exceeded (actions)", refused.getString("error"), refused.toString());
            long retryAfter = refused.getJsonNumber("retryAfter").longValue();
            assertTrue(retryAfter > 0 && retryAfter <= 10_000, "a token every 10 s: " + refused);
            // file and documentation spend from the same bucket
            JsonObject file = client.request("file", Map.of("file", "index.html"));
            assertEquals("rate limit exceeded (actions)", file.getString("error"), file.toString());
            assertError(client.request("documentation"), "Error: rate limit exceeded (actions)");
        }
    }

    @Test
    void fileAndDocumentationCountAgainstSimultaneousActions() {
        try (TestClient client = TestClient.connect(base)) {
            for (int id = 101; id <= 105; id++) {
                client.sendRaw(Json.createObjectBuilder().add("event", "action").add("messageId", id)
                        .add("params", Json.createObjectBuilder().add("action", "sleep").add("ms", 2000)).build()
                        .toString());
            }
            // the sleeps are all running once detailsView shows them
            Eventually.eventually(Duration.ofSeconds(10),
                    () -> assertEquals(5, client.details().getInt("pendingActions")));
            JsonObject file = client.request("file", Map.of("file", "index.html"));
            assertEquals("you have too many pending requests", file.getString("error"), file.toString());
            for (int id = 101; id <= 105; id++) {
                assertEquals(2000, client.replyTo(Json.createValue(id)).getInt("slept"));
            }
            JsonObject served = client.request("file", Map.of("file", "index.html"));
            assertFalse(served.containsKey("error"), served.toString());
        }
    }

    @Test
    void createChatRoomIsLimitedPerConnection() {
        try (TestClient client = TestClient.connect(base)) {
            for (int i = 0; i < ROOM_CREATE_BURST; i++) {
                JsonObject created = createChatRoom(client);
                assertTrue(created.getBoolean("didCreate"), created.toString());
            }
            JsonObject refused = createChatRoom(client);
            assertEquals("rate limit exceeded (roomCreate)", refused.getString("error"), refused.toString());
            assertTrue(refused.getJsonNumber("retryAfter").longValue() > 1000, "a token every 10 s: " + refused);
            assertFalse(refused.containsKey("didCreate"), "the room was not created: " + refused);
        }
    }

    @Test
    void apiAnswers429WithRetryAfterPastTheActionsBurst() throws Exception {
        // no cookie: every request here is the same client by its address
        HttpResponse<String> response = null;
        for (int i = 0; i <= ACTIONS_BURST + 2; i++) {
            response = TestHttp.client().send(HttpRequest.newBuilder(URI.create(base + "api/echo?n=" + i)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                break;
            }
        }
        assertEquals(429, response.statusCode(), response.body());
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("rate limit exceeded (actions)", body.getString("error"));
        long retryAfter = body.getJsonNumber("retryAfter").longValue();
        assertTrue(retryAfter > 0 && retryAfter <= 10_000, body.toString());
        assertEquals(List.of(Long.toString((retryAfter + 999) / 1000)), response.headers().allValues("Retry-After"),
                "whole seconds, rounded up");
        assertTrue(body.containsKey("serverInformation") && body.containsKey("requesterInformation"),
                "the shape of every /api answer: " + body);
    }

    @Test
    void apiRequestsFromOneAddressShareItsBucketWhateverFingerprintsTheyCarry() throws Exception {
        // a script behind one address (forwarded by the trusted loopback proxy) spending a fresh fingerprint each time
        String address = "198.51.100." + (1 + (int) (Math.random() * 250));
        HttpResponse<String> response = null;
        int served = 0;
        for (int i = 0; i <= API_ADDRESS_BURST + 2; i++) {
            response = apiEcho(address, TestHttp.fingerprint(base));
            if (response.statusCode() != 200) {
                break;
            }
            served++;
        }
        assertEquals(API_ADDRESS_BURST, served, "each fingerprint's own bucket was full: " + response.body());
        assertEquals(429, response.statusCode(), response.body());
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        assertEquals("rate limit exceeded (apiAddress)", body.getString("error"));
        long retryAfter = body.getJsonNumber("retryAfter").longValue();
        assertTrue(retryAfter > 0 && retryAfter <= 10_000, body.toString());
        assertEquals(List.of(Long.toString((retryAfter + 999) / 1000)), response.headers().allValues("Retry-After"));
        assertEquals(200, apiEcho("198.51.100.251", TestHttp.fingerprint(base)).statusCode(), "another address");
    }

    private HttpResponse<String> apiEcho(String forwardedFor, String fingerprint) throws Exception {
        return TestHttp.client().send(HttpRequest.newBuilder(URI.create(base + "api/echo"))
                .header("X-Forwarded-For", forwardedFor).header("Cookie", "sessionID=" + fingerprint).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void statusCountsTheRefusalsByLimit() {
        try (TestClient client = TestClient.connect(base)) {
            echoUntilRefused(client);
        }
        try (TestClient fresh = TestClient.connect(base)) {
            JsonObject status = fresh.request("action", Map.of("params",
                    Json.createObjectBuilder().add("action", "status").build()));
            assertTrue(status.getJsonObject("refusals").getJsonNumber("actions").longValue() >= 1, status.toString());
        }
    }

    /** Echoes until the actions bucket refuses, which must be after its burst and before it refilled much. */
    private static JsonObject echoUntilRefused(TestClient client) {
        for (int i = 0; i < ACTIONS_BURST + 3; i++) {
            JsonObject reply = echo(client, i);
            if (reply.containsKey("error")) {
                assertTrue(i >= ACTIONS_BURST, "refused within the burst: " + reply);
                return reply;
            }
        }
        return fail("never refused: " + client.describe());
    }

    private static JsonObject echo(TestClient client, int n) {
        return client.request("action", Map.of("params",
                Json.createObjectBuilder().add("action", "echo").add("n", n).build()));
    }

    private static JsonObject createChatRoom(TestClient client) {
        return client.request("action", Map.of("params", Json.createObjectBuilder().add("action", "createChatRoom")
                .add("name", "made-" + UUID.randomUUID()).build()));
    }

    private static String sayFrame(int id, String room, String message) {
        return Json.createObjectBuilder().add("event", "say").add("room", room).add("message", message)
                .add("messageId", id).build().toString();
    }
}
