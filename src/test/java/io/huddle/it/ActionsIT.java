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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.huddle.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Actions as clients see them: the same calls over the websocket and over HTTP {@code /api} give the same results
 * and errors; middleware, inputs, built-in actions, the {@code file} event, the fingerprint cookie, concurrency
 * limits and bad input.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ActionsIT {

    private static final int TIMEOUT_MILLIS = 2000;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.huddle(Map.of("huddle.general.actionTimeout", Integer.toString(TIMEOUT_MILLIS)));
    }

    @ArquillianResource
    URL base;

    private final HttpClient http = TestHttp.client();

    /** An {@code /api} answer: its status, its body without the metadata, and the metadata. */
    private record Http(int status, JsonObject body, JsonObject serverInformation, JsonObject requesterInformation,
                        HttpResponse<String> raw) {
    }

    // ---- one pipeline, two transports

    @Test
    void echoAnswersWithItsPayloadOverBothTransportsAndDropsUnknownParams() throws Exception {
        Map<String, Object> params = Map.of("action", "echo", "payload", "hello", "unknown", "dropped");
        JsonObject expected = object("payload", "hello");
        try (TestClient client = TestClient.connect(base)) {
            JsonObject reply = client.request("action", Map.of("params", params));
            assertEquals(List.of("payload", "context", "messageId"), List.copyOf(reply.keySet()));
            assertEquals(1, reply.getInt("messageId"));
            assertEquals(expected, withoutEnvelope(reply));
        }
        Http answer = post("api", params);
        assertEquals(200, answer.status());
        assertEquals(expected, answer.body());
    }

    @Test
    void echoKeepsTheJsonTypeOfItsPayloadAndOfTheMessageId() throws Exception {
        JsonObject payload = object("n", 1.5, "list", Json.createArrayBuilder().add(1).add("two").build());
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw(Json.createObjectBuilder().add("event", "action").add("messageId", "my-id")
                    .add("params", Json.createObjectBuilder().add("action", "echo").add("payload", payload)).build()
                    .toString());
            JsonObject reply = client.replyTo(Json.createValue("my-id"));
            assertEquals(payload, reply.getJsonObject("payload"));
        }
        assertEquals(payload, post("api/echo", Map.of("payload", payload)).body().getJsonObject("payload"));
    }

    @Test
    void anActionFailureKeepsWhatTheActionAlreadyAnsweredAndItsStatus() throws Exception {
        JsonObject expected = object("partial", true, "error", "custom failure");
        assertSameOverBoth(Map.of("action", "fail"), 409, expected);
    }

    @Test
    void globalMiddlewareCanRejectACall() throws Exception {
        assertSameOverBoth(Map.of("action", "echo", "payload", "x", "middleware", "reject"), 403,
                object("error", "rejected by middleware"));
    }

    @Test
    void globalMiddlewareCanChangeParamsBeforeAndTheResponseAfterTheAction() throws Exception {
        assertSameOverBoth(Map.of("action", "echo", "payload", "quiet", "middleware", "shout"), 200,
                object("payload", "QUIET", "shoutedBy", "middleware"));
    }

    @Test
    void middlewareThatThrowsUnexpectedlyGivesAGenericErrorAndTheNextCallWorks() throws Exception {
        assertSameOverBoth(Map.of("action", "echo", "middleware", "explode"), 500, object("error", "internal server error"));
        assertSameOverBoth(Map.of("action", "echo", "payload", "still fine"), 200, object("payload", "still fine"));
    }

    @Test
    void loginMarksTheConnectionAndUnlocksAnActionGuardedByPerActionMiddleware() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            assertEquals(object("error", "you must log in first"), action(client, Map.of("action", "whoami")));
            assertEquals(object("error", "Input for parameter \"password\" failed validation!"),
                    action(client, Map.of("action", "login", "user", "ann", "password", "wrong")));
            assertEquals(object("user", "ann", "authenticated", true),
                    action(client, Map.of("action", "login", "user", "ann", "password", "secret")));
            // four calls went through the global middleware, which counted them in the session
            assertEquals(object("user", "ann", "actionsSeen", 4), action(client, Map.of("action", "whoami")));
        }
        try (TestClient other = TestClient.connect(base)) {
            assertEquals(object("error", "you must log in first"), action(other, Map.of("action", "whoami")));
        }
        // an HTTP connection lives for one request: logging in does not carry over to the next one
        assertEquals(200, post("api/login", Map.of("user", "ann", "password", "secret")).status());
        Http whoami = post("api/whoami", Map.of());
        assertEquals(401, whoami.status());
        assertEquals(object("error", "you must log in first"), whoami.body());
    }

    // ---- inputs

    @Test
    void aMissingRequiredInputIsReportedBeforeAnInvalidOne() throws Exception {
        assertSameOverBoth(Map.of("action", "inputs", "n", 50), 422,
                object("error", "name is a required parameter for this action"));
        assertSameOverBoth(Map.of("action", "inputs", "name", ""), 422,
                object("error", "name is a required parameter for this action"));
    }

    @Test
    void defaultsAndFormattersGiveTheActionTypedValues() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            assertEquals(object("name", "bob", "n", 5, "connectionType", "websocket"),
                    action(client, Map.of("action", "inputs", "name", "bob")));
            assertEquals(object("name", "bob", "n", 3, "connectionType", "websocket"),
                    action(client, Map.of("action", "inputs", "name", "bob", "n", "3")));
        }
        Http get = get("api/inputs?name=bob&n=3", Map.of());
        assertEquals(200, get.status());
        assertEquals(object("name", "bob", "n", 3, "connectionType", "web"), get.body());
    }

    @Test
    void aValidatorsMessageReachesTheClient() throws Exception {
        assertSameOverBoth(Map.of("action", "inputs", "name", "bob", "n", 11), 500, object("error", "n must be <= 10"));
    }

    @Test
    void aValidatorReturningFalseGivesActionHerosGenericMessage() throws Exception {
        assertSameOverBoth(Map.of("action", "inputs", "name", "bob", "mode", "bad"), 500,
                object("error", "Input for parameter \"mode\" failed validation!"));
    }

    @Test
    void beanValidationConstraintsCheckInputs() throws Exception {
        assertSameOverBoth(Map.of("action", "inputs", "name", "much too long"), 500,
                object("error", "name size must be between 0 and 8"));
    }

    @Test
    void aValueOfTheWrongTypeIsAClearError() throws Exception {
        assertSameOverBoth(Map.of("action", "inputs", "name", "bob", "n", "three"), 422,
                object("error", "n must be an integer"));
        assertSameOverBoth(Map.of("action", "inputs", "name", "bob", "n", true), 422,
                object("error", "n must be an integer"));
    }

    // ---- finding the action

    @Test
    void anUnknownOrMissingActionIs404() throws Exception {
        JsonObject unknown = object("error", "unknown action or invalid apiVersion");
        assertSameOverBoth(Map.of("action", "nope"), 404, unknown);
        assertSameOverBoth(Map.of("payload", "no action"), 404, unknown);
        assertSameOverBoth(Map.of("action", 42), 404, unknown);
        Http bare = get("api", Map.of());
        assertEquals(404, bare.status());
        assertEquals(unknown, bare.body());
    }

    @Test
    void apiVersionPicksAVersionAndTheHighestIsTheDefault() throws Exception {
        assertSameOverBoth(Map.of("action", "greet"), 200, object("greeting", "hi", "version", 2));
        assertSameOverBoth(Map.of("action", "greet", "apiVersion", 1), 200, object("greeting", "good day", "version", 1));
        assertSameOverBoth(Map.of("action", "greet", "apiVersion", 3), 404,
                object("error", "unknown action or invalid apiVersion"));
        assertSameOverBoth(Map.of("action", "greet", "apiVersion", "one"), 404,
                object("error", "unknown action or invalid apiVersion"));
        assertEquals(object("greeting", "good day", "version", 1), get("api/greet?apiVersion=1", Map.of()).body());
    }

    // ---- HTTP specifics

    @Test
    void theStockClientsFallbackFormWorks() throws Exception {
        // the stock client POSTs JSON to /api?action=<name>, its body repeating the params (spec §3.6)
        Http post = post("api?action=echo", Map.of("action", "echo", "payload", "fallback", "httpMethod", "POST"));
        assertEquals(200, post.status());
        assertEquals(object("payload", "fallback"), post.body());
        Http get = get("api?action=echo&payload=from-query", Map.of());
        assertEquals(object("payload", "from-query"), get.body());
    }

    @Test
    void aFormBodyIsReadAndItsKeysOverrideTheQuery() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("api/echo?payload=query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("payload=" + URLEncoder.encode("from form & more", StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("from form & more", parse(response.body()).getString("payload"));
    }

    @Test
    void anApiResponseCarriesServerAndRequesterInformation() throws Exception {
        String websocketIP;
        try (TestClient client = TestClient.connect(base)) {
            websocketIP = client.details().getString("remoteIP");
        }
        String fingerprint = TestHttp.fingerprint(base);
        Http answer = get("api/echo?payload=hi", Map.of("Cookie", "sessionID=" + fingerprint));
        assertEquals("application/json", answer.raw().headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(answer.raw().headers().allValues("Set-Cookie").isEmpty(), "the request had the cookie");
        JsonObject server = answer.serverInformation();
        assertEquals("huddle", server.getString("serverName"));
        assertFalse(server.getString("apiVersion").isEmpty());
        assertTrue(server.getJsonNumber("requestDuration").longValue() >= 0);
        assertTrue(Math.abs(System.currentTimeMillis() - server.getJsonNumber("currentTime").longValue()) < 60_000);
        JsonObject requester = answer.requesterInformation();
        assertEquals(fingerprint, requester.getString("fingerprint"));
        assertTrue(UUID.matcher(requester.getString("messageId")).matches(), requester.toString());
        assertEquals(fingerprint + "-" + requester.getString("messageId"), requester.getString("id"));
        assertEquals(websocketIP, requester.getString("remoteIP"), "the same client seen by both transports");
        assertEquals(object("payload", "hi", "action", "echo"), requester.getJsonObject("receivedParams"));
    }

    @Test
    void malformedOrOversizedBodiesAreRefusedWithClearErrors() throws Exception {
        assertHttpError(send("POST", "api/echo", "application/json", "{\"payload\": "), 400,
                "the request body is not valid JSON");
        assertHttpError(send("POST", "api/echo", "application/json", "[1, 2]"), 400,
                "the JSON request body must be an object");
        assertHttpError(send("POST", "api/echo", "text/plain", "payload"), 415,
                "unsupported Content-Type text/plain: send application/json or application/x-www-form-urlencoded");
        assertHttpError(send("POST", "api/echo", "application/x-www-form-urlencoded", "payload=%zz"), 400,
                "the query string or form body is not valid URL encoding");
        String huge = "{\"payload\":\"" + "x".repeat(1024 * 1024) + "\"}";
        assertHttpError(send("POST", "api/echo", "application/json", huge), 413,
                "the request body is too large: the limit is 1048576 bytes");
        assertEquals(object("payload", "fine"), post("api/echo", Map.of("payload", "fine")).body());
    }

    // ---- fingerprint cookie

    @Test
    void theFingerprintCookieLinksAPageLoadToTheWebsocketAndToApiCalls() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(Pattern.compile("sessionID=[0-9a-f]{40}; Path=/; Expires=\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT; SameSite=Lax")
                .matcher(setCookie).matches(), setCookie);
        assertFalse(setCookie.toLowerCase().contains("httponly"), setCookie);
        String fingerprint = setCookie.substring("sessionID=".length(), setCookie.indexOf(';'));
        assertTrue(FINGERPRINT.matcher(fingerprint).matches());

        try (TestClient byCookie = TestClient.connect(base, null, Map.of("Cookie", "sessionID=" + fingerprint));
             TestClient byQuery = TestClient.connect(base, "sessionID=" + fingerprint, Map.of())) {
            assertEquals(fingerprint, byCookie.details().getString("fingerprint"));
            assertEquals(fingerprint, byQuery.details().getString("fingerprint"));
            assertNotEquals(byCookie.id(), byQuery.id());
        }
        Http api = get("api/echo", Map.of("Cookie", "sessionID=" + fingerprint));
        assertEquals(fingerprint, api.requesterInformation().getString("fingerprint"));
    }

    @Test
    void everyResponseWithoutTheCookieSetsAFreshOne() throws Exception {
        Http api = get("api/status", Map.of());
        String setCookie = api.raw().headers().firstValue("Set-Cookie").orElseThrow();
        String fingerprint = setCookie.substring("sessionID=".length(), setCookie.indexOf(';'));
        assertEquals(fingerprint, api.requesterInformation().getString("fingerprint"));
        String other = get("api/status", Map.of()).requesterInformation().getString("fingerprint");
        assertNotEquals(fingerprint, other);
    }

    // ---- built-in actions

    @Test
    void statusDescribesTheNodeOverBothTransports() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            JsonObject status = action(client, Map.of("action", "status"));
            assertEquals("test-node", status.getString("id"));
            assertEquals("huddle", status.getString("name"));
            assertFalse(status.getString("version").isEmpty());
            assertTrue(status.getInt("connections") >= 1, status.toString());
            assertTrue(status.getJsonNumber("uptime").longValue() > 0);
            assertTrue(status.getJsonNumber("consumedMemoryMB").longValue() > 0);
            assertTrue(status.getJsonNumber("maxMemoryMB").longValue() >= status.getJsonNumber("consumedMemoryMB").longValue());
            assertEquals("Node Healthy", status.getString("nodeStatus"));
            assertEquals(JsonValue.EMPTY_JSON_ARRAY, status.getJsonArray("problems"));
            assertTrue(status.containsKey("server") && status.containsKey("javaVersion"), status.toString());

            Http overHttp = get("api/status", Map.of());
            assertEquals(200, overHttp.status());
            assertEquals(status.keySet(), overHttp.body().keySet());
            assertEquals("test-node", overHttp.body().getString("id"));
        }
    }

    @Test
    void showDocumentationAndTheDocumentationVerbDescribeEveryAction() throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            JsonObject documentation = action(client, Map.of("action", "showDocumentation")).getJsonObject("documentation");
            assertTrue(documentation.keySet().containsAll(Set.of("status", "showDocumentation", "echo", "login", "greet")),
                    documentation.keySet().toString());
            assertEquals(Set.of("1", "2"), documentation.getJsonObject("greet").keySet());
            JsonObject inputs = documentation.getJsonObject("inputs").getJsonObject("1");
            assertEquals("inputs", inputs.getString("name"));
            assertEquals(1, inputs.getInt("version"));
            assertEquals("Shows how its inputs were processed", inputs.getString("description"));
            assertEquals(object("required", true, "description", "at most 8 characters"),
                    inputs.getJsonObject("inputs").getJsonObject("name"));
            assertEquals(object("required", false, "default", 5), inputs.getJsonObject("inputs").getJsonObject("n"));
            assertEquals(object("required", false), inputs.getJsonObject("inputs").getJsonObject("connectionType"));
            assertEquals(object("name", "bob", "n", 5, "connectionType", "websocket"), inputs.getJsonObject("outputExample"));

            JsonObject verb = client.request("documentation");
            assertEquals("OK", verb.getString("status"));
            assertEquals(documentation, verb.getJsonObject("data"));

            assertEquals(documentation, get("api/showDocumentation", Map.of()).body().getJsonObject("documentation"));
        }
    }

    // ---- the file event

    @Test
    void aPublicFileIsSentWhole() throws Exception {
        String page = http.send(HttpRequest.newBuilder(uri("index.html")).build(), HttpResponse.BodyHandlers.ofString()).body();
        try (TestClient client = TestClient.connect(base)) {
            JsonObject reply = client.request("file", Map.of("file", "index.html"));
            assertEquals(List.of("content", "mime", "length", "lastModified", "context", "messageId"),
                    List.copyOf(reply.keySet()));
            assertEquals(page, reply.getString("content"));
            assertEquals("text/html", reply.getString("mime"));
            assertEquals(page.getBytes(StandardCharsets.UTF_8).length, reply.getInt("length"));
            assertTrue(ISO_MILLIS.matcher(reply.getString("lastModified")).matches(), reply.getString("lastModified"));
        }
    }

    @Test
    void aMissingFileOrAPathOutsideThePublicFilesIsNotFound() {
        JsonObject notFound = object("error", "that file is not found", "content", JsonValue.NULL, "mime", "text/html",
                "length", 22);
        try (TestClient client = TestClient.connect(base)) {
            for (String path : List.of("nope.html", "../WEB-INF/beans.xml", "WEB-INF/beans.xml", "web-inf/beans.xml",
                    "META-INF/MANIFEST.MF", "/index.html", "demo/../index.html", "./index.html", "demo",
                    "demo/", "/etc/passwd", "..\\WEB-INF\\beans.xml", "C:/windows/win.ini")) {
                assertEquals(notFound, withoutEnvelope(client.request("file", Map.of("file", path))), path);
            }
            assertEquals("file is a required param to send a file",
                    client.request("file").getString("error"));
            assertEquals("that file is too large to send: the limit is 1048576 bytes",
                    client.request("file", Map.of("file", "big.txt")).getString("error"));
        }
    }

    // ---- concurrency and time limits

    @Test
    void aSlowActionDoesNotHoldUpAnotherConnection() {
        try (TestClient slow = TestClient.connect(base); TestClient fast = TestClient.connect(base)) {
            slow.id();
            fast.id();
            slow.sendRaw(actionFrame(101, Map.of("action", "sleep", "ms", 1500)));
            JsonObject echo = fast.request("action", Map.of("params", Map.of("action", "echo", "payload", "quick")));
            assertEquals("quick", echo.getString("payload"));
            assertEquals(0, slow.count(v -> v instanceof JsonObject o && o.containsKey("slept")),
                    "the fast action waited for the slow one");
            assertEquals(1500, slow.replyTo(Json.createValue(101)).getInt("slept"));
        }
    }

    @Test
    void aSlowActionDoesNotHoldUpLaterRequestsOnTheSameConnection() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw(actionFrame(101, Map.of("action", "sleep", "ms", 1000)));
            client.sendRaw(actionFrame(102, Map.of("action", "echo", "payload", "second")));
            client.replyTo(Json.createValue(102));
            assertEquals(0, client.count(v -> v instanceof JsonObject o && o.containsKey("slept")));
            client.replyTo(Json.createValue(101));
        }
    }

    @Test
    void anActionOverTheTimeLimitIsAnsweredWithATimeoutAndStopped() throws Exception {
        String timedOut = "the action timed out: it did not finish within " + TIMEOUT_MILLIS + " ms";
        try (TestClient client = TestClient.connect(base)) {
            long start = System.nanoTime();
            assertEquals(object("error", timedOut), action(client, Map.of("action", "sleep", "ms", 8000)));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= TIMEOUT_MILLIS && millis < TIMEOUT_MILLIS + 2000, "answered after " + millis + " ms");
            // the sleeping action was interrupted, so it no longer counts as pending
            awaitNoPendingActions(client);
        }
        Http overHttp = post("api/sleep", Map.of("ms", 8000));
        assertEquals(504, overHttp.status());
        assertEquals(object("error", timedOut), overHttp.body());
    }

    @Test
    void aSixthConcurrentActionOnOneConnectionIsRefused() {
        try (TestClient client = TestClient.connect(base)) {
            // ids from 101: TestClient.request numbers its own requests from 1
            for (int id = 101; id <= 106; id++) {
                client.sendRaw(actionFrame(id, Map.of("action", "sleep", "ms", 1000)));
            }
            JsonObject refused = client.replyTo(Json.createValue(106));
            assertEquals(object("error", "you have too many pending requests"), withoutEnvelope(refused));
            for (int id = 101; id <= 105; id++) {
                assertEquals(1000, client.replyTo(Json.createValue(id)).getInt("slept"));
            }
            JsonObject details = awaitNoPendingActions(client);
            assertEquals(6, details.getInt("totalActions"));
        }
    }

    @Test
    void everyActionRequestCountsInTotalActions() {
        try (TestClient client = TestClient.connect(base)) {
            action(client, Map.of("action", "echo"));
            action(client, Map.of("action", "nope"));
            action(client, Map.of("action", "inputs"));
            JsonObject details = client.details();
            assertEquals(3, details.getInt("totalActions"));
            assertEquals(0, details.getInt("pendingActions"));
        }
    }

    @Test
    void actionParamsThatAreNotAnObjectAreRefusedAndTheConnectionStays() {
        try (TestClient client = TestClient.connect(base)) {
            client.sendRaw("{\"event\":\"action\",\"params\":[1,2],\"messageId\":5}");
            assertEquals("Error: params must be an object", client.replyTo(Json.createValue(5)).getString("error"));
            assertEquals(object("payload", "ok"), action(client, Map.of("action", "echo", "payload", "ok")));
        }
    }

    // ---- helpers

    /** Calls {@code params} over the websocket and over HTTP (POST, JSON body) and expects {@code expected} from both. */
    private void assertSameOverBoth(Map<String, Object> params, int status, JsonObject expected) throws Exception {
        try (TestClient client = TestClient.connect(base)) {
            assertEquals(expected, action(client, params), "over the websocket");
        }
        Http answer = post("api", params);
        assertEquals(expected, answer.body(), "over HTTP");
        assertEquals(status, answer.status(), "HTTP status");
    }

    /** The reply to an action over the websocket, without {@code context} and {@code messageId}. */
    private static JsonObject action(TestClient client, Map<String, Object> params) {
        JsonObject reply = client.request("action", Map.of("params", params));
        assertEquals("response", reply.getString("context"));
        return withoutEnvelope(reply);
    }

    private static String actionFrame(int messageId, Map<String, Object> params) {
        return Json.createObjectBuilder().add("event", "action").add("messageId", messageId)
                .add("params", Json.createObjectBuilder(params)).build().toString();
    }

    private static JsonObject awaitNoPendingActions(TestClient client) {
        return eventually(Duration.ofSeconds(5), client::details,
                details -> assertEquals(0, details.getInt("pendingActions"), details.toString()));
    }

    private static JsonObject withoutEnvelope(JsonObject reply) {
        return without(reply, "context", "messageId");
    }

    private Http post(String path, Map<String, Object> params) throws Exception {
        return answer(send("POST", path, "application/json", Json.createObjectBuilder(params).build().toString()));
    }

    private Http get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(request::header);
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Optional.ofNullable(contentType).ifPresent(type -> request.header("Content-Type", type));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Http answer(HttpResponse<String> response) {
        JsonObject json = parse(response.body());
        return new Http(response.statusCode(), without(json, "serverInformation", "requesterInformation"),
                json.getJsonObject("serverInformation"), json.getJsonObject("requesterInformation"), response);
    }

    private static void assertHttpError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, parse(response.body()).getString("error"));
    }

    private URI uri(String path) throws Exception {
        return base.toURI().resolve(path);
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static JsonObject without(JsonObject object, String... keys) {
        JsonObjectBuilder builder = Json.createObjectBuilder(object);
        for (String key : keys) {
            builder.remove(key);
        }
        return builder.build();
    }

    /** A JSON object from alternating keys and values (strings, numbers, booleans, JSON values). */
    private static JsonObject object(Object... keysAndValues) {
        List<Object> list = new ArrayList<>(List.of(keysAndValues));
        JsonObjectBuilder builder = Json.createObjectBuilder();
        for (int i = 0; i < list.size(); i += 2) {
            String key = (String) list.get(i);
            Object value = list.get(i + 1);
            if (value instanceof JsonValue json) {
                builder.add(key, json);
            } else if (value instanceof String text) {
                builder.add(key, text);
            } else if (value instanceof Boolean flag) {
                builder.add(key, flag);
            } else if (value instanceof Integer number) {
                builder.add(key, number);
            } else {
                builder.add(key, ((Number) value).doubleValue());
            }
        }
        return builder.build();
    }
}
