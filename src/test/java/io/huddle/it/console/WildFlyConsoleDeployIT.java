package io.huddle.it.console;

import io.huddle.it.ServerNode;
import io.huddle.it.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.huddle.it.console.ChatRoundTrip.assertChatWorks;
import static io.huddle.it.console.ChatRoundTrip.assertUndeployed;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Deploys {@code target/huddle.war} to a WildFly that has nothing deployed, through the HTTP management API exactly
 * as the HAL admin console does it (Deployments → Upload Deployment: the bytes to {@code add-content}, then an
 * enabled {@code add}; Disable and Remove: {@code undeploy}, {@code remove}), with a management user made by
 * {@code add-user.sh} as server-config/README.md tells, and chats on it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WildFlyConsoleDeployIT {

    private static final File WORK = new File("target/console-it");
    private static final String USER = "huddle-admin";
    private static final String PASSWORD = "Console-Secret-1!";
    private static final JsonValue DEPLOYMENT = Json.createArrayBuilder()
            .add(Json.createObjectBuilder().add("deployment", "huddle.war")).build();

    private static ServerNode wildfly;
    private static WildFlyManagement management;
    private static TestClient watcher;

    @BeforeAll
    static void startAnEmptyWildFly() throws Exception {
        int portOffset = Integer.getInteger("it.port.offset", 200) + 450;
        wildfly = ServerNode.wildfly("console-wildfly", WORK, portOffset, Map.of());
        addManagementUser(WORK.toPath().resolve("console-wildfly/configuration"));
        wildfly.start();
        management = new WildFlyManagement(9990 + portOffset, USER, PASSWORD);
        management.awaitRunning(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws Exception {
        if (watcher != null) {
            watcher.close();
        }
        if (wildfly != null) {
            wildfly.stop();
        }
    }

    @Test
    @Order(1)
    void uploadedAndEnabledAsTheConsoleDoesHuddleServesChat() throws Exception {
        JsonValue hash = management.upload(Path.of(System.getProperty("huddle.war")));
        JsonObject added = management.execute(Json.createObjectBuilder()
                .add("operation", "add")
                .add("address", DEPLOYMENT)
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("hash", hash)))
                .add("runtime-name", "huddle.war")
                .add("enabled", true)
                .build());
        assertEquals("success", added.getString("outcome"), added.toString());
        wildfly.awaitReady(Duration.ofMinutes(1));
        watcher = assertChatWorks(wildfly.url(), "deployed through the WildFly management API");
    }

    @Test
    @Order(2)
    void disabledAndRemovedAsTheConsoleDoesItsClientsAreClosed() throws Exception {
        for (String operation : new String[] {"undeploy", "remove"}) {
            JsonObject answer = management.execute(Json.createObjectBuilder()
                    .add("operation", operation).add("address", DEPLOYMENT).build());
            assertEquals("success", answer.getString("outcome"), operation + ": " + answer);
        }
        assertUndeployed(wildfly.url(), watcher);
        JsonObject gone = management.execute(Json.createObjectBuilder()
                .add("operation", "read-resource").add("address", DEPLOYMENT).build());
        assertEquals("failed", gone.getString("outcome"), gone.toString());
    }

    /** {@code add-user.sh}, non-interactive, into this server's own configuration directory. */
    private static void addManagementUser(Path configuration) throws Exception {
        File addUser = new File(System.getProperty("jboss.home"), "bin/add-user.sh");
        Process process = new ProcessBuilder("bash", addUser.getPath(), "-sc", configuration.toString(),
                "-u", USER, "-p", PASSWORD, "-s")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("add-user.sh failed: " + output);
        }
    }
}
