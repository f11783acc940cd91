package io.huddle.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * One benchmark connection over the JDK's websocket client: answers the Primus heartbeat, hands every other frame
 * (parsed with JSON-P) to the scenario, and serializes its own sends (the JDK client allows one pending send).
 */
final class BenchSocket implements WebSocket.Listener {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Consumer<JsonObject> frames;
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<WebSocket> lastSend;
    private volatile boolean open;

    private BenchSocket(Consumer<JsonObject> frames) {
        this.frames = frames;
    }

    /** Opens a connection; {@code frames} gets every JSON object the server sends (welcome, replies, pushes). */
    static CompletableFuture<BenchSocket> open(HttpClient http, URI uri, Consumer<JsonObject> frames) {
        BenchSocket socket = new BenchSocket(frames);
        return http.newWebSocketBuilder().buildAsync(uri, socket).thenApply(ws -> {
            synchronized (socket) {
                socket.lastSend = CompletableFuture.completedFuture(ws);
            }
            socket.open = true;
            return socket;
        });
    }

    boolean isOpen() {
        return open;
    }

    /** Queues one text frame behind the previous one. */
    void send(String text) {
        synchronized (this) {
            lastSend = lastSend.thenCompose(ws -> ws.sendText(text, true));
        }
    }

    void close() {
        synchronized (this) {
            lastSend = lastSend.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "benchmark done"));
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE); // read as fast as frames come: the server's outbox is what is measured
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partial.append(data);
            return null;
        }
        String text = partial.length() == 0 ? data.toString() : partial.append(data).toString();
        partial.setLength(0);
        JsonValue value = JSON.createReader(new StringReader(text)).readValue();
        if (value instanceof JsonString string) {
            String control = string.getString();
            if (control.startsWith("primus::ping::")) {
                send(Frames.pong(control.substring("primus::ping::".length())));
            }
        } else if (value instanceof JsonObject object) {
            frames.accept(object);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        open = false;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        open = false;
    }
}
