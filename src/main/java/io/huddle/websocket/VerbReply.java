package io.huddle.websocket;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.JsonValue;

/**
 * The reply to a verb (spec §2.3): {@code status} "OK" with {@code data}, or {@code status} and {@code error}
 * both "Error: &lt;message&gt;" with the request's leftover fields as {@code data}. Null fields are left out.
 * A request refused by a rate limit also carries {@code retryAfter}, in ms: a field of Huddle's own, which clients
 * that do not know it ignore.
 */
@JsonbPropertyOrder({"status", "error", "context", "data", "messageId", "retryAfter"})
public record VerbReply(String status, String error, String context, Object data, JsonValue messageId,
                        Long retryAfter) {

    static VerbReply ok(Object data, JsonValue messageId) {
        return new VerbReply("OK", null, "response", data, messageId, null);
    }

    static VerbReply error(String message, Object data, JsonValue messageId) {
        String text = "Error: " + message;
        return new VerbReply(text, text, "response", data, messageId, null);
    }

    static VerbReply rateLimited(String message, Object data, JsonValue messageId, long retryAfterMillis) {
        String text = "Error: " + message;
        return new VerbReply(text, text, "response", data, messageId, retryAfterMillis);
    }
}
