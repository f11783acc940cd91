package io.huddle.it;

import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The container's own paths, on the container the suite runs on (WildFly's Undertow, Payara's Tyrus): the handshake
 * carried to the right socket when many upgrade at once, and a frame for many recipients (the heartbeat's ping,
 * which on Undertow is written from one shared direct buffer) arriving whole at every client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContainerSupportIT {

    /** Above the recipients from which a frame is shared ({@code OutboundFrame}: 8). */
    private static final int CLIENTS = 12;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.huddle();
    }

    @ArquillianResource
    URL deployed;

    private URL base;

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
    }

    @Test
    void everySocketGetsTheHandshakeOfItsOwnUpgrade() {
        List<TestClient> clients = new ArrayList<>();
        try {
            List<String> fingerprints = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                String fingerprint = TestHttp.fingerprint(base);
                fingerprints.add(fingerprint);
                clients.add(TestClient.connect(base, "sessionID=" + fingerprint, Map.of()));
            }
            List<String> seen = clients.stream()
                    .map(client -> client.request("detailsView").getJsonObject("data").getString("fingerprint"))
                    .toList();
            assertEquals(fingerprints, seen);
        } finally {
            clients.forEach(TestClient::close);
        }
    }

    @Test
    void aPingForManyClientsArrivesWholeAtEachOfThem() {
        List<TestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(TestClient.connect(base));
            }
            for (TestClient client : clients) {
                client.await(v -> v instanceof JsonString s && s.getString().matches("primus::ping::\\d{13}"));
            }
            for (TestClient client : clients) {
                assertEquals("OK", client.request("detailsView").getString("status"), client.describe());
            }
        } finally {
            clients.forEach(TestClient::close);
        }
    }
}
