package io.huddle.action;

import java.util.Map;

/**
 * How an action call ended: the response it built and, when it failed, the error message the client sees and the
 * HTTP status {@code /api} answers with (the websocket shows the message only).
 */
public record ActionOutcome(Map<String, Object> response, String error, int status) {

    static final int OK = 200;

    static ActionOutcome succeeded(Map<String, Object> response) {
        return new ActionOutcome(response, null, OK);
    }

    static ActionOutcome failed(Map<String, Object> response, String error, int status) {
        return new ActionOutcome(response, error, status);
    }

    public boolean hasError() {
        return error != null;
    }
}
