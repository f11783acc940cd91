package io.huddle.bench;

import jakarta.json.spi.JsonProvider;

/** The client frames the benchmark sends, built with JSON-P. */
final class Frames {

    private static final JsonProvider JSON = JsonProvider.provider();

    private Frames() {
    }

    static String roomAdd(String room, String messageId) {
        return JSON.createObjectBuilder().add("event", "roomAdd").add("room", room).add("messageId", messageId)
                .build().toString();
    }

    static String say(String room, String message, long messageId) {
        return JSON.createObjectBuilder().add("event", "say").add("room", room).add("message", message)
                .add("messageId", messageId).build().toString();
    }

    static String action(String action, String payload, long messageId) {
        return JSON.createObjectBuilder().add("event", "action")
                .add("params", JSON.createObjectBuilder().add("action", action).add("payload", payload))
                .add("messageId", messageId).build().toString();
    }

    static String pong(String pingTime) {
        return JSON.createValue("primus::pong::" + pingTime).toString();
    }
}
