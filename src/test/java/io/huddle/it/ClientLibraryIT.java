package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser client as served over HTTP by a deployment under a context path ({@code /ctx}): where, with which
 * headers, and with this deployment's settings baked in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ClientLibraryIT {

    private static final String CLIENT = "javascript/ActionheroWebsocketClient";

    private static final String CONTEXT = "ctx";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.huddleAt(CONTEXT, Map.of("huddle.web.fingerprintOptions.cookieKey", "huddleSession"));
    }

    @ArquillianResource
    URL deployed;

    private URL base;
    private final HttpClient http = TestHttp.client();

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed, CONTEXT);
    }

    @Test
    void theClientIsServedUnderPublicAndAtTheRoot() throws Exception {
        HttpResponse<byte[]> underPublic = get("public/" + CLIENT + ".js");
        HttpResponse<byte[]> atRoot = get(CLIENT + ".js");
        for (HttpResponse<byte[]> response : new HttpResponse[]{underPublic, atRoot}) {
            assertEquals(200, response.statusCode(), response.uri().toString());
            assertEquals("text/javascript;charset=utf-8", contentType(response));
            assertEquals("no-cache", response.headers().firstValue("Cache-Control").orElse(null));
            assertTrue(response.headers().firstValue("ETag").isPresent());
        }
        assertArrayEquals(underPublic.body(), atRoot.body());
        assertTrue(new String(atRoot.body()).contains("ActionheroWebsocketClient.prototype"));
    }

    @Test
    void theServedClientCarriesThisDeploymentsSettings() throws Exception {
        JsonObject expected = Json.createObjectBuilder()
                .add("url", JsonValue.NULL)
                .add("pathname", "/ctx/primus")
                .add("apiPath", "/ctx/api")
                .add("cookieKey", "huddleSession")
                .add("pingTimeout", 3000) // 1.5 × the tests' 2000 ms heartbeat
                .add("reconnect", Json.createObjectBuilder()
                        .add("min", 500).add("max", 30000).add("factor", 2.0).add("retries", JsonValue.NULL)
                        .add("jitter", 0.5))
                .add("requestTimeout", 30000)
                .add("queueSize", 100)
                .build();
        assertEquals(expected, bakedSettings(new String(get(CLIENT + ".js").body())));
    }

    @Test
    void theMinifiedClientIsMuchSmallerAndCarriesTheSameSettings() throws Exception {
        String readable = new String(get(CLIENT + ".js").body());
        HttpResponse<byte[]> response = get("public/" + CLIENT + ".min.js");
        assertEquals(200, response.statusCode());
        assertEquals("text/javascript;charset=utf-8", contentType(response));
        String minified = new String(response.body());
        assertTrue(minified.length() < readable.length() / 2,
                "minified " + minified.length() + " chars, readable " + readable.length());
        assertTrue(minified.lines().noneMatch(line -> line.startsWith("  ")), "no indentation is left");
        assertTrue(!minified.contains("Minimal event emitter"), "comments are gone");
        assertTrue(readable.contains("function merge(") && !minified.contains("function merge("),
                "local names are shortened");
        assertEquals(bakedSettings(readable), bakedSettings(minified));
    }

    @Test
    void theTypeDeclarationsAreServedBesideTheClient() throws Exception {
        for (String path : new String[]{"public/" + CLIENT + ".d.ts", CLIENT + ".d.ts"}) {
            HttpResponse<byte[]> response = get(path);
            assertEquals(200, response.statusCode(), path);
            assertEquals("application/typescript;charset=utf-8", contentType(response));
            assertTrue(new String(response.body()).contains("declare class ActionheroWebsocketClient"));
        }
    }

    @Test
    void anUnchangedClientIsAnsweredWithNotModified() throws Exception {
        String etag = get(CLIENT + ".js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(base.toURI().resolve(CLIENT + ".js"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
        String otherEtag = get(CLIENT + ".min.js").headers().firstValue("ETag").orElseThrow();
        assertTrue(!otherEtag.equals(etag), "each file has its own ETag");
    }

    @Test
    void otherNamesUnderTheClientDirectoryAreNotFound() throws Exception {
        assertEquals(404, get("public/javascript/primus.js").statusCode());
        assertEquals(404, get("public/" + CLIENT + ".ts").statusCode());
    }

    /** What {@code JSON.parse("…")} in the served file returns: the string literal's content, parsed. */
    static JsonObject bakedSettings(String library) {
        int at = library.indexOf("JSON.parse(");
        assertTrue(at >= 0, "the client parses its baked settings");
        try (JsonParser literal = Json.createParser(new StringReader(library.substring(at + "JSON.parse(".length())))) {
            assertEquals(JsonParser.Event.VALUE_STRING, literal.next(), "the settings are one JSON string literal");
            return Json.createReader(new StringReader(literal.getString())).readObject();
        }
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.toURI().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Containers differ only in the blank after the semicolon. */
    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace("; ", ";").toLowerCase();
    }
}
