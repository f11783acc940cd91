package io.huddle.it;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Huddle behind a trusted proxy (the tests' loopback client plays it, {@code huddle.web.trustedProxies}): the
 * client address it forwards is the connection's {@code remoteIP}, on both transports, and the one the per-address
 * cap counts; its {@code X-Forwarded-Proto: https} makes the fingerprint cookie {@code Secure}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrustedProxyIT {

    private static final int PER_ADDRESS = 2;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.plain(Map.of(
                "huddle.web.trustedProxies", "127.0.0.0/8, ::1",
                "huddle.limits.connectionsPerAddress", Integer.toString(PER_ADDRESS)));
    }

    @ArquillianResource
    URL deployed;

    private URL base;

    private final HttpClient http = TestHttp.client();

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
    }

    @Test
    void theForwardedClientIsTheRemoteIpOfWebsocketAndApi() throws Exception {
        // the client claimed 192.0.2.66 itself; the proxy appended the address it saw
        Map<String, String> forwarded = Map.of("X-Forwarded-For", "192.0.2.66, 203.0.113.7");
        try (TestClient client = TestClient.connect(base, null, forwarded)) {
            assertEquals("203.0.113.7", client.details().getString("remoteIP"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "api/status"));
        forwarded.forEach(request::header);
        JsonObject answer = Json.createReader(new StringReader(
                http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body())).readObject();
        assertEquals("203.0.113.7", answer.getJsonObject("requesterInformation").getString("remoteIP"));
    }

    @Test
    void thePerAddressCapCountsTheForwardedClientNotTheProxy() {
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS; i++) {
                clients.add(TestClient.connect(base, null, Map.of("X-Forwarded-For", "203.0.113.20")));
            }
            assertEquals(429, RawUpgrade.attempt(base, null, Map.of("X-Forwarded-For", "203.0.113.20")).status());
            assertEquals(101, RawUpgrade.attempt(base, null, Map.of("X-Forwarded-For", "203.0.113.21")).status(),
                    "another client behind the same proxy");
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    @Test
    void httpsForwardedByTheProxyMakesTheCookieSecure() throws Exception {
        String overHttps = http.send(HttpRequest.newBuilder(base.toURI()).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(overHttps.endsWith("; SameSite=Lax; Secure"), overHttps);
        String overHttp = http.send(HttpRequest.newBuilder(base.toURI()).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Set-Cookie").orElseThrow();
        assertFalse(overHttp.contains("Secure"), overHttp);
    }
}
