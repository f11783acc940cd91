package io.huddle.it.console;

import io.huddle.it.TestClient;
import io.huddle.it.TestHttp;
import jakarta.json.JsonObject;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a person checks after deploying through a console: two websocket clients join the starting room
 * ({@code defaultRoom}) and one's say reaches the other.
 */
final class ChatRoundTrip {

    private ChatRoundTrip() {
    }

    /** Two clients chat in {@code defaultRoom}; returns a third, left connected, for a test to watch being closed. */
    static TestClient assertChatWorks(URL base, String message) {
        try (TestClient sender = TestClient.connect(base); TestClient receiver = TestClient.connect(base)) {
            join(sender, "defaultRoom");
            join(receiver, "defaultRoom");
            sender.request("say", Map.of("room", "defaultRoom", "message", message));
            JsonObject said = receiver.awaitContext("user", m -> message.equals(m.getString("message", null)));
            assertEquals(sender.id(), said.getString("from"));
        }
        TestClient watcher = TestClient.connect(base);
        assertTrue(watcher.id() != null && !watcher.id().isEmpty());
        return watcher;
    }

    /** The application is gone: its websocket clients were closed and {@code /primus/spec} no longer answers 200. */
    static void assertUndeployed(URL base, TestClient watcher) throws Exception {
        watcher.awaitClose(Duration.ofSeconds(30));
        int status = TestHttp.client().send(HttpRequest.newBuilder(base.toURI().resolve("primus/spec")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        assertEquals(404, status, "primus/spec still answers after the undeploy");
    }
}
