package com.example.teamchat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A websocket client of Huddle's {@code /primus} endpoint: records frames, answers heartbeats, awaits a frame. */
final class ChatSocket implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<JsonValue> frames = new ArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final WebSocket socket;

    private ChatSocket(URL base) {
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws").replaceFirst("/?$", "/primus"));
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new Listener())
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    static ChatSocket connect(URL base) {
        return new ChatSocket(base);
    }

    /** Sends an event with a fresh messageId and returns the server's reply to it. */
    JsonObject request(String event, Map<String, ?> fields) {
        int id = nextId.getAndIncrement();
        send(Json.createObjectBuilder(fields).add("event", event).add("messageId", id).build().toString());
        return (JsonObject) await(frame -> frame instanceof JsonObject o && "response".equals(o.getString("context", ""))
                && o.getInt("messageId", -1) == id);
    }

    /** Runs an action and returns its reply. */
    JsonObject action(Map<String, String> params) {
        return request("action", Map.of("params", Json.createObjectBuilder(Map.<String, Object>copyOf(params)).build()));
    }

    /** Waits for the first frame (from the start of the connection) that passes {@code test}. */
    JsonValue await(Predicate<JsonValue> test) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (frames) {
            while (true) {
                for (JsonValue frame : frames) {
                    if (test.test(frame)) {
                        return frame;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such frame within " + WAIT + "; got " + frames);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(frames, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    private synchronized void send(String text) {
        socket.sendText(text, true).join(); // the JDK client allows one send in flight
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonValue frame = Json.createReader(new StringReader(partial.toString())).readValue();
                partial.setLength(0);
                if (frame instanceof JsonString ping && ping.getString().startsWith("primus::ping::")) {
                    send(Json.createValue(ping.getString().replace("ping", "pong")).toString());
                }
                synchronized (frames) {
                    frames.add(frame);
                    frames.notifyAll();
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
