package io.huddle.websocket;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.JsonValue;

/**
 * The reply to a verb (spec §2.3): {@code status} "OK" with {@code data}, or {@code status} and {@code error}
 * both "Error: &lt;message&gt;" with the request's leftover fields as {@code data}. Null fields are left out.
 */
@JsonbPropertyOrder({"status", "error", "context", "data", "messageId"})
public record VerbReply(String status, String error, String context, Object data, JsonValue messageId) {

    static VerbReply ok(Object data, JsonValue messageId) {
        return new VerbReply("OK", null, "response", data, messageId);
    }

    static VerbReply error(String message, Object data, JsonValue messageId) {
        String text = "Error: " + message;
        return new VerbReply(text, text, "response", data, messageId);
    }
}
