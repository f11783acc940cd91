package io.huddle.it.console;

import io.huddle.it.TestClient;
import io.huddle.it.TestHttp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.huddle.it.console.ChatRoundTrip.assertChatWorks;
import static io.huddle.it.console.ChatRoundTrip.assertUndeployed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Payara Server, the full server, as server-config/README.md tells an operator to run Huddle on it: a fresh domain,
 * {@code server-config/payara/huddle.asadmin} applied with {@code asadmin multimode}, the WAR deployed with
 * {@code asadmin deploy} and, separately, through the admin REST API on port 4848 that the console's Deploy and
 * Undeploy buttons call; a chat round trip after each deploy, and every client closed by each undeploy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skip.payara", matches = "true", disabledReason = "-Dskip.payara=true")
class PayaraServerDeployIT {

    private static final Path WORK = Path.of("target/console-it");
    private static final Path WAR = Path.of(System.getProperty("huddle.war"));
    private static final Path SCRIPT = Path.of("server-config/payara/huddle.asadmin");
    private static PayaraServer payara;

    @BeforeAll
    static void startADomain() throws Exception {
        int httpPort = 8080 + Integer.getInteger("it.port.offset", 200) + 500;
        payara = new PayaraServer(Path.of(System.getProperty("payara.server.home")), WORK, "huddle-console", httpPort);
        payara.createAndStart();
    }

    @AfterAll
    static void stopTheDomain() throws Exception {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    @Order(1)
    void theServerConfigScriptSetsEachOfItsSystemProperties() throws Exception {
        payara.asadmin("multimode", "--file", SCRIPT.toString());
        HttpResponse<String> answer = payara.restGet("servers/server/server/system-properties");
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, String> set = new LinkedHashMap<>();
        Json.createReader(new StringReader(answer.body())).readObject().getJsonObject("extraProperties")
                .getJsonArray("systemProperties").getValuesAs(JsonObject.class)
                .forEach(property -> set.put(property.getString("name"), property.getString("value", null)));
        Map<String, String> expected = scriptProperties();
        assertFalse(expected.isEmpty());
        expected.forEach((name, value) -> assertEquals(value, set.get(name), name + " in " + answer.body()));
    }

    @Test
    @Order(2)
    void deployedWithAsadminHuddleServesChatAndUndeployClosesItsClients() throws Exception {
        payara.asadmin("deploy", "--contextroot", "/", "--name", "huddle", WAR.toString());
        TestClient watcher = assertChatWorks(payara.url(), "deployed with asadmin");
        // huddle.asadmin's cookie key: the websocket takes the HTTP session's identity from it
        String issued = TestHttp.fingerprint(payara.url());
        try (TestClient withCookie = TestClient.connect(payara.url(), null, Map.of("Cookie", "sessionID=" + issued))) {
            assertEquals(issued, withCookie.details().getString("fingerprint"));
        }
        payara.asadmin("undeploy", "huddle");
        assertUndeployed(payara.url(), watcher);
    }

    @Test
    @Order(3)
    void deployedThroughTheAdminRestApiHuddleServesChatAndUndeployClosesItsClients() throws Exception {
        HttpResponse<String> deployed = payara.restUpload("applications/application", WAR,
                Map.of("name", "huddle-rest", "contextroot", "/"));
        assertEquals(200, deployed.statusCode(), deployed.body());
        assertEquals("SUCCESS", exitCode(deployed), deployed.body());
        TestClient watcher = assertChatWorks(payara.url(), "deployed through the admin REST API");
        HttpResponse<String> undeployed = payara.restDelete("applications/application/huddle-rest");
        assertEquals(200, undeployed.statusCode(), undeployed.body());
        assertEquals("SUCCESS", exitCode(undeployed), undeployed.body());
        assertUndeployed(payara.url(), watcher);
    }

    private static String exitCode(HttpResponse<String> answer) {
        JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
        return json.getString("exit_code", "none");
    }

    /** The {@code create-system-properties name=value} lines the script runs (asadmin escapes {@code :} as {@code \:}). */
    private static Map<String, String> scriptProperties() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^create-system-properties ([^=\\s]+)=(\\S+)$")
                .matcher(Files.readString(SCRIPT));
        while (line.find()) {
            properties.put(line.group(1), line.group(2).replace("\\", ""));
        }
        return properties;
    }
}
