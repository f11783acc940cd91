package io.huddle.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A websocket client for black-box tests: records every frame, answers heartbeats (unless told not to), and waits
 * for frames matching a predicate, so a test reads as a conversation: connect, send, expect.
 */
public final class TestClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    /** How the server closed the socket. */
    public record Closed(int code, String reason) { }

    private static final HttpClient HTTP = TestHttp.client();

    private final List<JsonValue> frames = new ArrayList<>();
    private final List<String> texts = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile boolean answerPings = true;
    private volatile boolean reading = true;
    private volatile Throwable lastError;
    private volatile WebSocket socket;

    private TestClient() {
    }

    public static URI primusUri(URL base, String query) {
        String http = base.toString().replaceFirst("/$", "");
        String ws = http.replaceFirst("^http", "ws") + "/primus" + (query == null || query.isEmpty() ? "" : "?" + query);
        return URI.create(ws);
    }

    public static TestClient connect(URL base) {
        return connect(base, null, Map.of());
    }

    public static TestClient connect(URL base, String query, Map<String, String> headers) {
        TestClient client = new TestClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(primusUri(base, query), client.listener()).orTimeout(10, TimeUnit.SECONDS).join();
        return client;
    }

    /** The HTTP status that refused the upgrade, or 101 if the socket opened. */
    public static int handshakeStatus(URL base, String query, Map<String, String> headers) {
        try (TestClient client = connect(base, query, headers)) {
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void onOpen(WebSocket webSocket) {
                // frames (a ping) can arrive before buildAsync returns: answer them on this socket
                socket = webSocket;
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    received(text);
                }
                if (reading) {
                    webSocket.request(1);
                }
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(new Closed(statusCode, reason));
                synchronized (frames) {
                    frames.notifyAll();
                }
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                lastError = error;
                closed.complete(new Closed(1006, String.valueOf(error)));
                synchronized (frames) {
                    frames.notifyAll();
                }
            }
        };
    }

    private void received(String text) {
        JsonValue value = Json.createReader(new StringReader(text)).readValue();
        if (answerPings && value instanceof JsonString s && s.getString().startsWith("primus::ping::")) {
            sendRaw(Json.createValue(s.getString().replace("ping", "pong")).toString());
        }
        synchronized (frames) {
            frames.add(value);
            texts.add(text);
            frames.notifyAll();
        }
    }

    /** Stops answering heartbeats, as a client whose network died would. */
    public TestClient ignorePings() {
        answerPings = false;
        return this;
    }

    /** Stops reading frames: the server sees a client that cannot keep up. */
    public void stopReading() {
        reading = false;
    }

    /** Starts reading again after {@link #stopReading()}. */
    public void resumeReading() {
        reading = true;
        socket.request(Long.MAX_VALUE);
    }

    /** Sends one text frame; serialized because the JDK client allows one outstanding send. */
    public synchronized void sendRaw(String text) {
        try {
            socket.sendText(text, true).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("send failed (" + e.getCause() + "); " + describe(), e);
        }
    }

    /** Sends {@code text} as the first fragment of a text message that this client never finishes. */
    public synchronized void sendFirstFragment(String text) {
        socket.sendText(text, false).join();
    }

    public synchronized void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** Sends an event with a fresh numeric messageId and waits for the reply carrying it. */
    public JsonObject request(String event, Map<String, ?> fields) {
        int id = nextId.getAndIncrement();
        var builder = Json.createObjectBuilder(fields).add("event", event).add("messageId", id);
        sendRaw(builder.build().toString());
        return replyTo(Json.createValue(id));
    }

    public JsonObject request(String event) {
        return request(event, Map.of());
    }

    /** Waits for the reply ({@code context:"response"}) whose messageId equals {@code id}, type included. */
    public JsonObject replyTo(JsonValue id) {
        return (JsonObject) await(v -> v instanceof JsonObject o && "response".equals(o.getString("context", null))
                && id.equals(o.get("messageId")));
    }

    /** Waits until a frame matching {@code test} has arrived and returns the first such frame. */
    public JsonValue await(Predicate<JsonValue> test) {
        return await(test, WAIT);
    }

    public JsonValue await(Predicate<JsonValue> test, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        int scanned = 0;
        synchronized (frames) {
            while (true) {
                for (; scanned < frames.size(); scanned++) {
                    if (test.test(frames.get(scanned))) {
                        return frames.get(scanned);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("no matching frame within " + wait + "; " + describe());
                }
                try {
                    frames.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    /** The last frames received, for failure messages. */
    public String describe() {
        synchronized (frames) {
            int from = Math.max(0, texts.size() - 12);
            return texts.size() + " frames received, the last: " + texts.subList(from, texts.size())
                    + (closed.isDone() ? ", then closed " + closed.join() : "")
                    + (lastError != null ? ", error " + lastError : "");
        }
    }

    /** Waits for an object frame with the given context. */
    public JsonObject awaitContext(String context, Predicate<JsonObject> test) {
        return (JsonObject) await(v -> v instanceof JsonObject o && context.equals(o.getString("context", null))
                && test.test(o));
    }

    public List<JsonValue> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    public List<String> texts() {
        synchronized (frames) {
            return List.copyOf(texts);
        }
    }

    public long count(Predicate<JsonValue> test) {
        synchronized (frames) {
            return frames.stream().filter(test).count();
        }
    }

    /** Waits for the server to close the socket. */
    public Closed awaitClose(Duration wait) {
        try {
            return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return fail("socket not closed within " + wait + "; " + describe());
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The welcome frame and the connection's details, as most tests start. */
    public JsonObject details() {
        return request("detailsView").getJsonObject("data");
    }

    public String id() {
        return details().getString("id");
    }

    @Override
    public void close() {
        if (socket != null && !closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
            socket.abort();
        }
    }
}
