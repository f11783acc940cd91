package io.huddle.it;

import io.huddle.it.fixtures.FailingServlet;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.huddle.it.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Huddle deployed as it ships in front of nobody: no trusted proxy, so forwarding headers are a client's claims and
 * change nothing; small connection caps per address and per fingerprint; signed fingerprints; and nothing about the
 * server leaks through a 500 page or {@code status} (its details switched off here).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectionLimitsIT {

    private static final int PER_ADDRESS = 6;
    private static final int PER_FINGERPRINT = 2;
    private static final String ADDRESS_FULL =
            "too many connections from your address: at most 6 at a time; close one and try again";
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.plain(Map.of(
                "huddle.web.trustedProxies", "",
                "huddle.limits.connectionsPerAddress", Integer.toString(PER_ADDRESS),
                "huddle.limits.connectionsPerFingerprint", Integer.toString(PER_FINGERPRINT),
                "huddle.status.details", "false"));
    }

    @ArquillianResource
    URL deployed;

    private URL base;

    private final HttpClient http = TestHttp.client();

    @BeforeEach
    void useLoopbackOnceEarlierTestsLetGo() {
        base = Deployments.loopback(deployed);
        // every test starts with this address's places free: the closes of the test before are released
        eventually(RELEASED_WITHIN, () -> assertEquals(101, RawUpgrade.attempt(base, null, Map.of()).status()));
    }

    private List<TestClient> open(int count, String query, Map<String, String> headers) {
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(TestClient.connect(base, query, headers));
        }
        return clients;
    }

    @Test
    void connectionsBeyondTheAddressCapAreRefusedWith429BeforeTheUpgradeAndACloseFreesAPlace() {
        List<TestClient> clients = open(PER_ADDRESS, null, Map.of());
        try {
            RawUpgrade refused = RawUpgrade.attempt(base, null, Map.of());
            assertEquals(429, refused.status());
            assertEquals(ADDRESS_FULL, refused.body());
            clients.forEach(client -> assertFalse(client.isClosed(), "the open connections are not touched"));

            clients.remove(0).close();
            eventually(RELEASED_WITHIN, () -> assertEquals(101, TestClient.handshakeStatus(base, null, Map.of())));
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerChangesNeitherRemoteIpNorTheCap() {
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 1; i <= PER_ADDRESS; i++) {
                TestClient client = TestClient.connect(base, null, Map.of("X-Forwarded-For", "203.0.113." + i,
                        "X-Real-IP", "198.51.100." + i, "X-Forwarded-Port", "443"));
                clients.add(client);
                JsonObject details = client.details();
                assertEquals("127.0.0.1", details.getString("remoteIP"));
                assertNotEquals("443", details.get("remotePort").toString().replace("\"", ""));
            }
            RawUpgrade refused = RawUpgrade.attempt(base, null, Map.of("X-Forwarded-For", "192.0.2.99"));
            assertEquals(429, refused.status());
            assertEquals(ADDRESS_FULL, refused.body());
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    @Test
    void oneFingerprintGetsItsCapWhileAnotherBrowserAtTheSameAddressStillConnects() {
        String browser = TestHttp.fingerprint(base);
        List<TestClient> tabs = open(PER_FINGERPRINT, "sessionID=" + browser, Map.of());
        try {
            RawUpgrade refused = RawUpgrade.attempt(base, null, Map.of("Cookie", "sessionID=" + browser));
            assertEquals(429, refused.status());
            assertEquals("too many connections from this browser: at most 2 at a time; close one and try again",
                    refused.body());
            String other = TestHttp.fingerprint(base);
            assertEquals(101, TestClient.handshakeStatus(base, "sessionID=" + other, Map.of()));
        } finally {
            tabs.forEach(TestClient::close);
        }
    }

    @Test
    void aForgedSessionIdGetsAFreshFingerprintAndAnIssuedOneIsKeptByWebsocketAndApi() throws Exception {
        try (TestClient victim = TestClient.connect(base)) {
            String victimsFingerprint = victim.details().getString("fingerprint"); // its id: other members see it
            for (String forged : List.of(victimsFingerprint, "admin", "298f620a42a995745f081c0a06033369d09466cd")) {
                try (TestClient forger = TestClient.connect(base, "sessionID=" + forged, Map.of("Cookie",
                        "sessionID=" + forged))) {
                    JsonObject details = forger.details();
                    assertNotEquals(forged, details.getString("fingerprint"));
                    assertEquals(details.getString("id"), details.getString("fingerprint"));
                }
                HttpResponse<String> api = get("api/status", Map.of("Cookie", "sessionID=" + forged));
                String fresh = cookieValue(api);
                assertNotEquals(forged, fresh);
                assertEquals(fresh, requester(api).getString("fingerprint"));
            }
        }
        String issued = TestHttp.fingerprint(base);
        try (TestClient byQuery = TestClient.connect(base, "sessionID=" + issued, Map.of())) {
            assertEquals(issued, byQuery.details().getString("fingerprint"));
        }
        for (String header : List.of("Cookie", "sessionID", "x-sessionID")) {
            HttpResponse<String> api = get("api/status",
                    Map.of(header, header.equals("Cookie") ? "sessionID=" + issued : issued));
            assertEquals(issued, requester(api).getString("fingerprint"), header);
            assertTrue(api.headers().allValues("Set-Cookie").isEmpty(), header);
        }
    }

    @Test
    void forwardedProtoFromAnUntrustedPeerDoesNotMakeTheCookieSecure() throws Exception {
        HttpResponse<String> page = get("", Map.of("X-Forwarded-Proto", "https"));
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertFalse(setCookie.contains("Secure"), setCookie);
    }

    @Test
    void aServerErrorShowsNoStackTraceOrExceptionText() throws Exception {
        HttpResponse<String> failed = get("test/fail", Map.of());
        assertEquals(500, failed.statusCode());
        assertFalse(failed.body().contains(FailingServlet.MARKER), failed.body());
        assertFalse(failed.body().contains("IllegalStateException"), failed.body());
        assertFalse(failed.body().contains("at io.huddle"), failed.body());
    }

    @Test
    void statusHidesTheNodesDetailsWhenTheOperatorSaysSo() throws Exception {
        JsonObject status = parse(get("api/status", Map.of()).body());
        assertEquals("Node Healthy", status.getString("nodeStatus"), status.toString());
        assertEquals("huddle", status.getString("name"));
        assertTrue(status.containsKey("uptime"));
        for (String hidden : Set.of("id", "server", "javaVersion", "consumedMemoryMB", "maxMemoryMB",
                "availableProcessors")) {
            assertFalse(status.containsKey(hidden), hidden + " in " + status);
        }
        try (TestClient client = TestClient.connect(base)) {
            JsonObject overWebsocket = client.request("action", Map.of("params", Map.of("action", "status")));
            assertFalse(overWebsocket.containsKey("id"), overWebsocket.toString());
            assertFalse(overWebsocket.containsKey("consumedMemoryMB"), overWebsocket.toString());
        }
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookieValue(HttpResponse<?> response) {
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring("sessionID=".length(), setCookie.indexOf(';'));
    }

    private static JsonObject requester(HttpResponse<String> api) {
        return parse(api.body()).getJsonObject("requesterInformation");
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
