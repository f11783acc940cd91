package io.huddle.it;

import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Undeploying Huddle ends its connections as {@code destroyClientsOnShutdown} says: with true each client gets
 * {@code primus::server::close} (the stock client stays away); with false the socket just closes (it reconnects).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShutdownIT {

    private static final String SERVER_CLOSE = "primus::server::close";

    @Deployment(name = "destroying", managed = false, testable = false)
    static WebArchive destroying() {
        return Deployments.huddleAt("destroying", Map.of("huddle.websocket.destroyClientsOnShutdown", "true"));
    }

    @Deployment(name = "dropping", managed = false, testable = false)
    static WebArchive dropping() {
        return Deployments.huddleAt("dropping", Map.of("huddle.websocket.destroyClientsOnShutdown", "false"));
    }

    @ArquillianResource
    Deployer deployer;


    @Test
    void withDestroyClientsOnShutdownEveryClientIsToldNotToReconnect() throws Exception {
        deployer.deploy("destroying");
        URL base = Deployments.unmanagedUrl("destroying");
        try (TestClient a = TestClient.connect(base); TestClient b = TestClient.connect(base)) {
            a.id();
            b.id();
            deployer.undeploy("destroying");
            for (TestClient client : new TestClient[]{a, b}) {
                client.await(v -> v instanceof JsonString s && s.getString().equals(SERVER_CLOSE));
                client.awaitClose(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void withoutDestroyClientsOnShutdownClientsAreClosedSoTheyReconnect() throws Exception {
        deployer.deploy("dropping");
        URL base = Deployments.unmanagedUrl("dropping");
        try (TestClient client = TestClient.connect(base)) {
            client.id();
            deployer.undeploy("dropping");
            TestClient.Closed closed = client.awaitClose(Duration.ofSeconds(10));
            assertEquals(1001, closed.code(), closed.toString());
            assertEquals(0, client.count(v -> v instanceof JsonString s && s.getString().equals(SERVER_CLOSE)));
            assertTrue(closed.reason().contains("shutting down"), closed.reason());
        }
    }
}
