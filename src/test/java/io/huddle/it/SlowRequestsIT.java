package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that upload slowly on purpose (a "slow POST" attack): {@code /api} reads bodies without holding a thread,
 * so everyone else is served meanwhile, and a body that has not arrived by {@code huddle.web.bodyTimeout} is
 * answered with 408.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlowRequestsIT {

    /** More than the worker threads of a 2-core WildFly (32): with blocking reads these alone stopped the node. */
    private static final int SLOW_UPLOADS = 64;
    private static final int BODY_TIMEOUT_MILLIS = 8000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.huddle(Map.of("huddle.web.bodyTimeout", Integer.toString(BODY_TIMEOUT_MILLIS)));
    }

    @ArquillianResource
    URL base;

    @Test
    void slowUploadsDoNotStallOthersAndAreAnsweredWith408AtTheDeadline() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_UPLOADS; i++) {
                slow.add(startSlowUpload());
            }
            long started = System.nanoTime();
            HttpResponse<String> echo = TestHttp.client().send(HttpRequest.newBuilder(URI.create(base + "api/echo"))
                    .timeout(Duration.ofSeconds(3))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"payload\":\"meanwhile\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, echo.statusCode(), echo.body());
            assertEquals("meanwhile", read(echo.body()).getString("payload"));
            try (TestClient first = TestClient.connect(base); TestClient second = TestClient.connect(base)) {
                RoomOps.join(first, "defaultRoom");
                RoomOps.join(second, "defaultRoom");
                assertEquals("OK", first.request("say", Map.of("room", "defaultRoom", "message", "still here"))
                        .getString("status"));
                second.awaitContext("user", said -> "still here".equals(said.getString("message", null)));
            }
            assertTrue(System.nanoTime() - started < Duration.ofMillis(BODY_TIMEOUT_MILLIS).toNanos(),
                    "the other clients were served before the slow uploads' deadline");
            for (Socket socket : slow) {
                String answer = readAnswer(socket);
                assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
                assertTrue(answer.contains("the request body did not arrive within " + BODY_TIMEOUT_MILLIS + " ms"),
                        answer);
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /** A POST that promises 1,000 bytes of body and sends one. */
    private Socket startSlowUpload() throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(BODY_TIMEOUT_MILLIS * 3);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + base.getPath() + "api/echo HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** What the server answered on a socket, until it closed the connection or the body of the answer is in. */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        int read;
        while (!answer.toString().contains("requesterInformation") && (read = in.read(buffer)) >= 0) {
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
        }
        return answer.toString();
    }

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
