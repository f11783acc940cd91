package io.huddle.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two actions with the same name and version stop the application from deploying, with a message naming both. */
@DisabledIfSystemProperty(named = "arquillian.launch", matches = "payara", disabledReason = "Payara Micro's adapter"
        + " runs each deployment in a process of its own and does not report a failed one; Payara does refuse it"
        + " (\"CDI deployment failure: two actions are named …\" in its log)")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DuplicateActionIT {

    /** Keeps the server up and tells the test where it listens. */
    @Deployment(name = "anchor", testable = false, order = 1)
    static WebArchive anchor() {
        return ShrinkWrap.create(WebArchive.class, "anchor.war").addAsWebResource(new StringAsset("up"), "index.html");
    }

    @Deployment(name = "duplicate", managed = false, testable = false)
    static WebArchive duplicate() {
        return Deployments.huddleAt("duplicate", Map.of()).addClass(DuplicateEchoAction.class);
    }

    @ArquillianResource
    Deployer deployer;

    @ArquillianResource
    @OperateOnDeployment("anchor")
    URL anchor;

    @Test
    void aSecondEchoVersionOneFailsTheDeployment() throws Exception {
        Exception refused = assertThrows(Exception.class, () -> deployer.deploy("duplicate"));
        String messages = messagesOf(refused);
        assertTrue(messages.contains("two actions are named \"echo\" with version 1: "
                + "io.huddle.action.builtin.EchoAction and io.huddle.it.DuplicateEchoAction"), messages);
        HttpResponse<String> status = TestHttp.client().send(
                HttpRequest.newBuilder(new URL(anchor, "/duplicate/api/status").toURI()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, status.statusCode(), "the application must not be served");
    }

    private static String messagesOf(Throwable error) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            messages.append(cause).append('\n');
        }
        // WildFly reports the failure as a management-model string, with its quotes escaped
        return messages.toString().replace("\\\"", "\"");
    }
}
