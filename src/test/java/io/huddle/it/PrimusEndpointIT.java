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

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static io.huddle.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code /primus} endpoint as a stock ActionHero client sees it: framing, heartbeat, connections, bad input. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrimusEndpointIT {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        // frames unlimited: aBurstOfThousandsOfFramesIsAnsweredInOrder sends 3,000 at once, ten times the default burst
        return Deployments.plain(Map.of("huddle.limits.frames.rate", "0"));
    }

    @ArquillianResource
    URL deployed;

    private URL base;

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
    }

    private final HttpClient http = TestHttp.client();

    @Test
    void theFirstFrameIsTheWelcome() {
        try (TestClient client = TestClient.connect(base)) {
            JsonValue first = client.await(v -> true);
            assertEquals(Json.createObjectBuilder().add("welcome", "Welcome to the huddle api").add("context", "api")
                    .build(), first);
        }
    }

    @Test
    void detailsViewDescribesTheConnectionWithTheFingerprintFromTheQuery() {
        String issued = TestHttp.fingerprint(base);
        try (TestClient client = TestClient.connect(base, "sessionID=" + issued + "&_primuscb=Q80XPXs", Map.of())) {
            JsonObject reply = client.request("detailsView");
            assertEquals("OK", reply.getString("status"));
            assertEquals("response", reply.getString("context"));
            assertEquals(1, reply.getInt("messageId"));
            JsonObject data = reply.getJsonObject("data");
            assertEquals(List.of("id", "fingerprint", "remoteIP", "remotePort", "params", "connectedAt", "rooms",
                    "totalActions", "pendingActions"), List.copyOf(data.keySet()));
            assertTrue(UUID.matcher(data.getString("id")).matches(), data.toString());
            assertEquals(issued, data.getString("fingerprint"));
            assertEquals("127.0.0.1", data.getString("remoteIP"));
            assertTrue(data.getJsonNumber("remotePort").intValue() > 0);
            assertEquals(JsonValue.EMPTY_JSON_OBJECT, data.getJsonObject("params"));
            assertTrue(Math.abs(System.currentTimeMillis() - data.getJsonNumber("connectedAt").longValue()) < 60_000);
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, data.getJsonArray("rooms"));
            assertEquals(0, data.getInt("totalActions"));
            assertEquals(0, data.getInt("pendingActions"));
        }
    }

    @Test
    void theFingerprintComesFromTheCookieWhenTheQueryHasNone() {
        String issued = TestHttp.fingerprint(base);
        try (TestClient client = TestClient.connect(base, null, Map.of("Cookie", "other=1; sessionID=" + issued))) {
            assertEquals(issued, client.details().getString("fingerprint"));
        }
    }

    @Test
    void withoutQueryOrCookieTheFingerprintIsTheConnectionId() {
        try (TestClient client = TestClient.connect(base)) {
            JsonObject details = client.details();
            assertEquals(details.getString("id"), details.getString("fingerprint"));
        }
    }

    @Test
    void forwardedHeadersFromTrustedProxiesSetTheRemoteAddressAsActionHeroDoes() {
        try (TestClient client = TestClient.connect(base, null,
                Map.of("X-Forwarded-For", "203.0.113.7:4567, 10.0.0.1"))) {
            JsonObject details = client.details();
            assertEquals("203.0.113.7", details.getString("remoteIP"));
            assertEquals(4567, details.getInt("remotePort"));
        }
    }

    @Test
    void manyConcurrentHandshakesEachKeepTheirOwnFingerprint() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        List<String> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int i = 0; i < 40; i++) {
            String fingerprint = TestHttp.fingerprint(base);
            Thread thread = new Thread(() -> {
                try (TestClient client = TestClient.connect(base, "sessionID=" + fingerprint, Map.of())) {
                    try {
                        String seen = client.details().getString("fingerprint");
                        if (!seen.equals(fingerprint)) {
                            failures.add(fingerprint + " got " + seen);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failures.add(fingerprint + ": " + e + " " + client.describe());
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void messageIdsAreEchoedWithTheirJsonType() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw("{\"event\":\"detailsView\",\"messageId\":\"custom-id\"}");
            assertEquals("OK", client.replyTo(Json.createValue("custom-id")).getString("status"));
            client.sendRaw("{\"event\":\"detailsView\",\"messageId\":42}");
            assertEquals("OK", client.replyTo(Json.createValue(42)).getString("status"));
        }
    }

    @Test
    void aRequestWithoutMessageIdGetsAFreshUuid() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw("{\"event\":\"detailsView\"}");
            JsonObject reply = client.awaitContext("response", r -> true);
            assertTrue(UUID.matcher(reply.getString("messageId")).matches(), reply.toString());
        }
    }

    @Test
    void theServerPingsAndAClientThatAnswersStaysConnected() {
        try (TestClient client = TestClient.connect(base)) {
            client.await(v -> v instanceof JsonString s && s.getString().matches("primus::ping::\\d{13}"));
            // two more intervals answered: a ping is only sent to a connection that answered the one before
            eventually(Duration.ofSeconds(10), () -> assertTrue(
                    client.count(v -> v instanceof JsonString s && s.getString().startsWith("primus::ping::")) >= 3));
            assertFalse(client.isClosed());
            assertEquals("OK", client.request("detailsView").getString("status"));
        }
    }

    @Test
    void aClientThatMissesAPongIsClosedWithoutServerClose() {
        try (TestClient client = TestClient.connect(base).ignorePings()) {
            TestClient.Closed closed = client.awaitClose(Duration.ofSeconds(8));
            assertEquals(4000, closed.code(), closed.toString());
            assertTrue(closed.reason().contains("heartbeat"), closed.reason());
            assertEquals(0, client.count(v -> v instanceof JsonString s && s.getString().equals("primus::server::close")));
        }
    }

    @Test
    void primusIdIsAnswered() {
        try (TestClient client = TestClient.connect(base)) {
            String id = client.id();
            client.sendRaw("\"primus::id::\"");
            client.await(v -> v instanceof JsonString s && s.getString().equals("primus::id::" + id));
        }
    }

    @Test
    void quitEndsTheConnectionWithServerCloseAndNoReply() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw("{\"event\":\"quit\",\"messageId\":99}");
            client.await(v -> v instanceof JsonString s && s.getString().equals("primus::server::close"));
            client.awaitClose(Duration.ofSeconds(5));
            assertEquals(0, client.count(v -> v instanceof JsonObject o && o.containsKey("messageId")
                    && o.get("messageId").equals(Json.createValue(99))));
        }
    }

    @Test
    void exitWorksLikeQuit() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw("{\"event\":\"exit\"}");
            client.await(v -> v instanceof JsonString s && s.getString().equals("primus::server::close"));
            client.awaitClose(Duration.ofSeconds(5));
        }
    }

    @Test
    void applicationCodeCanPushToAConnectionById() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            String id = client.id();
            assertEquals("1", push(id, "hello", 1, null));
            JsonObject pushed = client.awaitContext("api", o -> "hello".equals(o.getString("text", null)));
            assertFalse(pushed.containsKey("messageId"), "a push must not look like a reply: " + pushed);
            assertEquals("1", push(id, "careful", 1, "alert"));
            client.awaitContext("alert", o -> "careful".equals(o.getString("text", null)));
            assertEquals("0", push("no-such-connection", "lost", 1, null));
        }
    }

    @Test
    void aClientThatStopsReadingIsClosedAsTooSlowAndOthersAreUnaffected() throws Exception {
        try (TestClient slow = TestClient.connect(base); TestClient other = TestClient.connect(base)) {
            String slowId = slow.id();
            slow.stopReading();
            String big = "x".repeat(16 * 1024);
            int delivered = Integer.parseInt(push(slowId, big, 4000, null));
            assertTrue(delivered < 4000, "the outbox bound must stop queueing, delivered " + delivered);
            assertEquals("0", push(slowId, "after", 1, null), "the server gave up on the slow connection");
            slow.resumeReading();
            if (!"payara".equals(System.getProperty("arquillian.launch"))) {
                // on Payara (Tyrus) the close frame does not reach this test client once it fell this far behind,
                // so only WildFly can check what the client is told
                TestClient.Closed closed = slow.awaitClose(Duration.ofSeconds(20));
                assertEquals(1008, closed.code(), closed.toString());
                assertTrue(closed.reason().contains("too slow"), closed.reason());
            }
            assertEquals("OK", other.request("detailsView").getString("status"));
        }
    }

    @Test
    void primusSpecIsServedAndOtherPlainRequestsGet426() throws Exception {
        HttpResponse<String> spec = get("primus/spec");
        assertEquals(200, spec.statusCode());
        assertEquals(Json.createReader(new java.io.StringReader(
                "{\"pingInterval\":2000,\"pathname\":\"/primus\",\"version\":\"8.0.9\",\"parser\":\"json\",\"transformer\":\"websockets\"}"))
                .readObject().keySet(), Json.createReader(new java.io.StringReader(spec.body())).readObject().keySet());
        assertEquals(2000, Json.createReader(new java.io.StringReader(spec.body())).readObject().getInt("pingInterval"));
        HttpResponse<String> plain = get("primus");
        assertEquals(426, plain.statusCode());
        assertEquals("Upgrade Required", plain.body());
        assertEquals(426, get("primus/primus.js?x=1").statusCode());
    }

    @Test
    void aForeignOriginIsRefusedAndTheServersOwnOriginIsAllowed() {
        assertEquals(403, TestClient.handshakeStatus(base, null, Map.of("Origin", "https://evil.example")));
        String own = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        assertEquals(101, TestClient.handshakeStatus(base, null, Map.of("Origin", own)));
        assertEquals(101, TestClient.handshakeStatus(base, null, Map.of()));
    }

    // ---- bad input: a clear JSON error, the connection stays open

    @Test
    void aFrameThatIsNotJsonGetsAnErrorThatMatchesNoRequest() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw("not json");
            JsonObject error = client.awaitContext("response", o -> o.containsKey("error"));
            assertEquals("Error: frame is not valid JSON", error.getString("error"));
            assertTrue(UUID.matcher(error.getString("messageId")).matches());
            assertEquals("OK", client.request("detailsView").getString("status"));
        }
    }

    @Test
    void aNumberTooLongToReadOrJsonNestedTooDeepGetsAClearErrorAndTheConnectionStays() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw("{\"event\":\"action\",\"params\":{\"action\":\"echo\",\"payload\":"
                    + "9".repeat(2000) + "},\"messageId\":\"big\"}");
            JsonObject number = client.awaitContext("response", o -> o.containsKey("error"));
            assertEquals("Error: a number in the JSON is too large to read", number.getString("error"));
            // refused while parsing, at the 33rd level, long before the parser would notice the frame never ends
            client.sendRaw("[".repeat(60_000));
            JsonObject deep = client.awaitContext("response", o -> o.containsKey("error") && o != number);
            assertEquals("Error: the JSON is nested too deeply: at most 32 levels of arrays and objects",
                    deep.getString("error"));
            assertEquals("OK", client.request("detailsView").getString("status"));
        }
    }

    @Test
    void jsonThatIsNotAnObjectGetsTheUnknownVerbError() {
        try (TestClient client = TestClient.connect(base)) {
            for (String frame : List.of("[1,2,3]", "\"a plain string\"", "null", "42")) {
                client.sendRaw(frame);
            }
            client.await(v -> client.count(f -> f instanceof JsonObject o
                    && "Error: verb not found or not allowed (undefined)".equals(o.getString("error", null))) == 4);
            assertEquals("OK", client.request("detailsView").getString("status"));
        }
    }

    @Test
    void anUnknownEventGetsActionHerosExactError() {
        try (TestClient client = TestClient.connect(base)) {
            JsonObject reply = client.request("paramAdd", Map.of("key", "a"));
            assertEquals("Error: verb not found or not allowed (paramAdd)", reply.getString("status"));
            assertEquals("Error: verb not found or not allowed (paramAdd)", reply.getString("error"));
            assertEquals(Json.createObjectBuilder().add("key", "a").build(), reply.getJsonObject("data"));
        }
    }

    @Test
    void aMissingOrWronglyTypedEventIsAnError() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw("{\"messageId\":7}");
            assertEquals("Error: verb not found or not allowed (undefined)",
                    client.replyTo(Json.createValue(7)).getString("error"));
            client.sendRaw("{\"event\":{\"x\":1},\"messageId\":8}");
            assertTrue(client.replyTo(Json.createValue(8)).getString("error").startsWith("Error: verb not found"));
            client.sendRaw("{\"event\":\"detailsView\",\"messageId\":{\"nested\":true}}");
            JsonObject badId = client.awaitContext("response",
                    o -> "Error: messageId must be a string or a number".equals(o.getString("error", null)));
            assertTrue(UUID.matcher(badId.getString("messageId")).matches());
            client.sendRaw("{\"event\":\"say\",\"room\":[\"r\"],\"message\":\"hi\",\"messageId\":9}");
            assertEquals("Error: room must be a string", client.replyTo(Json.createValue(9)).getString("error"));
        }
    }

    @Test
    void aBinaryFrameGetsAClearError() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendBinary(new byte[]{1, 2, 3});
            JsonObject error = client.awaitContext("response", o -> o.containsKey("error"));
            assertTrue(error.getString("error").contains("binary frames are not supported"), error.toString());
            assertEquals("OK", client.request("detailsView").getString("status"));
        }
    }

    @Test
    void aFrameOverTheMaximumSizeClosesWith1009() {
        try (TestClient client = TestClient.connect(base); TestClient other = TestClient.connect(base)) {
            client.sendRaw("{\"event\":\"say\",\"room\":\"r\",\"message\":\"" + "x".repeat(70 * 1024) + "\"}");
            TestClient.Closed closed = client.awaitClose(Duration.ofSeconds(10));
            assertEquals(1009, closed.code(), closed.toString());
            assertFalse(closed.reason().isEmpty(), "the close must say why");
            assertEquals("OK", other.request("detailsView").getString("status"));
        }
    }

    @Test
    void aFrameIsRefusedAsSoonAsItPassesTheMaximumSizeNotWhenItEnds() {
        // a client that announces a huge message and trickles it must not make the server buffer it whole: the
        // container stops reading at the configured limit (64 KiB here), long before the message's end
        try (TestClient client = TestClient.connect(base); TestClient other = TestClient.connect(base)) {
            client.sendFirstFragment("{\"event\":\"say\",\"room\":\"r\",\"message\":\"" + "x".repeat(70 * 1024));
            TestClient.Closed closed = client.awaitClose(Duration.ofSeconds(10));
            assertEquals(1009, closed.code(), closed.toString());
            assertEquals("OK", other.request("detailsView").getString("status"));
        }
    }

    @Test
    void aHugeFrameIsRefusedAtTheLimitNotBufferedToItsEnd() throws Exception {
        // the header announces 10 MiB; the server must close long before the frame's end, not buffer it whole:
        // waves of such frames exhausted the heap on an I/O thread. WildFly stops at the 64 KiB limit, Payara at
        // Tyrus' 1 MiB frame buffer (WEB-INF/web.xml); 3 MiB are sent, so both must have refused by then
        try (TricklingFrame client = TricklingFrame.open(base)) {
            client.trickle(10 * 1024 * 1024, 3 * 1024 * 1024);
            int code = client.awaitCloseCode(Duration.ofSeconds(10));
            // 1009 from Huddle (WildFly); Tyrus closes a frame over its buffer with 1011 before Huddle sees it
            assertTrue(code == 1009 || code == 1011, "closed with " + code);
        }
        try (TestClient other = TestClient.connect(base)) {
            assertEquals("OK", other.request("detailsView").getString("status"));
        }
    }

    @Test
    void aBurstOfThousandsOfFramesIsAnsweredInOrder() {
        try (TestClient client = TestClient.connect(base)) {
            int burst = 3000;
            // in windows smaller than the test deployment's outbox bound (500): a whole burst unread would be a slow
            // consumer by design, and on a loaded machine this client can fall that far behind
            int window = 400;
            for (int start = 1; start <= burst; start += window) {
                int last = Math.min(burst, start + window - 1);
                for (int i = start; i <= last; i++) {
                    client.sendRaw("{\"event\":\"detailsView\",\"messageId\":" + i + "}");
                }
                // generous: Payara's Tyrus sends one frame at a time (see the performance notes)
                client.await(v -> v instanceof JsonObject o && Json.createValue(last).equals(o.get("messageId")),
                        Duration.ofSeconds(60));
            }
            List<Integer> ids = client.frames().stream()
                    .filter(v -> v instanceof JsonObject o && "response".equals(o.getString("context", null)))
                    .map(v -> ((JsonObject) v).getInt("messageId")).toList();
            assertEquals(burst, ids.size());
            for (int i = 0; i < burst; i++) {
                assertEquals(i + 1, ids.get(i));
            }
            assertFalse(client.isClosed());
        }
    }

    @Test
    void lineSeparatorsAreEscapedInFrames() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            String id = client.id();
            push(id, "a\u2028b\u2029c", 1, null);
            client.awaitContext("api", o -> "a\u2028b\u2029c".equals(o.getString("text", null)));
            String raw = client.texts().stream().filter(t -> t.contains("\\u2028")).findFirst().orElseThrow();
            assertFalse(raw.contains("\u2028"));
            assertTrue(raw.contains("\\u2029"));
        }
    }

    @Test
    void twoConnectionsGetDistinctIds() {
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            assertNotEquals(a.id(), b.id());
        }
    }

    private String push(String to, String text, int count, String context) throws Exception {
        String form = "to=" + to + "&count=" + count + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + (context == null ? "" : "&context=" + context);
        HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve("test/push"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
