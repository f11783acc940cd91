package io.huddle.action;

import java.util.Map;

/**
 * How an action call ended: the response it built and, when it failed, the error message the client sees and the
 * HTTP status {@code /api} answers with (the websocket shows the message only); {@code retryAfterMillis} is set (not
 * 0) when a rate limit refused the call, for the reply's {@code retryAfter} and {@code /api}'s {@code Retry-After}.
 */
public record ActionOutcome(Map<String, Object> response, String error, int status, long retryAfterMillis) {

    static final int OK = 200;

    public ActionOutcome(Map<String, Object> response, String error, int status) {
        this(response, error, status, 0);
    }

    static ActionOutcome succeeded(Map<String, Object> response) {
        return new ActionOutcome(response, null, OK);
    }

    static ActionOutcome failed(Map<String, Object> response, String error, int status) {
        return new ActionOutcome(response, error, status);
    }

    public boolean hasError() {
        return error != null;
    }

    public boolean isRateLimited() {
        return retryAfterMillis > 0;
    }
}
