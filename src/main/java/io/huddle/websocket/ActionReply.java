package io.huddle.websocket;

import io.huddle.action.ActionOutcome;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reply to an {@code action} event (spec §2.4): the action's response object itself, then {@code error} (the
 * message only, no {@code Error: } prefix) when it failed, {@code context} and the request's {@code messageId}, and
 * {@code retryAfter} (ms) when a rate limit refused it.
 */
final class ActionReply {

    private ActionReply() {
    }

    static Map<String, Object> of(ActionOutcome outcome, JsonValue messageId) {
        Map<String, Object> reply = new LinkedHashMap<>(outcome.response());
        if (outcome.hasError()) {
            reply.put("error", outcome.error());
        }
        reply.put("context", "response");
        reply.put("messageId", messageId);
        if (outcome.isRateLimited()) {
            reply.put("retryAfter", outcome.retryAfterMillis());
        }
        return reply;
    }
}
