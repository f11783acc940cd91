package io.huddle.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The demo page, served under a context path, lives through a restart of the server: Huddle is undeployed under
 * two open pages and deployed again, and the pages reconnect, rejoin and chat without being reloaded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerRestartIT {

    private static final String CONTEXT = "restarting";

    @Deployment(name = CONTEXT, managed = false, testable = false)
    static WebArchive deployment() {
        // a short backoff ceiling, baked into the served client, so the pages notice the server back quickly
        return Deployments.huddleAt(CONTEXT, Map.of("huddle.websocket.client.reconnect.max", "1000"));
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void theDemoPageReconnectsRejoinsAndChatsAfterAServerRestartWithoutAReload() {
        deployer.deploy(CONTEXT);
        boolean deployed = true;
        URL page = Deployments.unmanagedUrl(CONTEXT);
        try (Browser first = Browser.open(); Browser second = Browser.open()) {
            DemoPage alice = DemoPage.open(first, page);
            DemoPage bob = DemoPage.open(second, page);
            alice.say("before the restart");
            bob.awaitMessage("before the restart");
            String aliceBefore = alice.connectionId();
            first.script("window.sameDocument = true");

            deployer.undeploy(CONTEXT);
            deployed = false;
            alice.awaitState("reconnecting");
            bob.awaitState("reconnecting");
            deployer.deploy(CONTEXT);
            deployed = true;

            alice.awaitState("connected").awaitJoined("defaultRoom").awaitOpen("defaultRoom");
            bob.awaitState("connected").awaitJoined("defaultRoom").awaitOpen("defaultRoom");
            assertNotEquals(aliceBefore, alice.connectionId(), "a restarted server knows no old connection");
            bob.awaitMembers(Set.of(alice.connectionId(), bob.connectionId()));
            alice.say("after the restart");
            bob.awaitMessage("after the restart");
            bob.say("welcome back");
            alice.awaitMessage("welcome back");
            assertEquals(Boolean.TRUE, first.script("return window.sameDocument"), "the page was not reloaded");
        } finally {
            if (deployed) {
                deployer.undeploy(CONTEXT);
            }
        }
    }
}
