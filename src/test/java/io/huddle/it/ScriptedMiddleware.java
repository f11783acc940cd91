package io.huddle.it;

import io.huddle.action.ActionContext;
import io.huddle.action.ActionMiddleware;
import io.huddle.action.ActionProcessing;
import io.huddle.connection.ClientError;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;

import java.util.Locale;

/**
 * Test fixture, global middleware: counts the connection's actions in its session, and does what a
 * {@code middleware} param asks: {@code reject}, {@code explode} (an unexpected exception), or {@code shout}
 * (upper-cases the {@code payload} param before the action and marks the response after it).
 */
@Interceptor
@ActionProcessing
@Priority(Interceptor.Priority.APPLICATION)
public class ScriptedMiddleware extends ActionMiddleware {

    static final String ACTIONS_SEEN = "actionsSeen";

    @Override
    protected void around(ActionContext action, Next next) throws Exception {
        action.connection().session().merge(ACTIONS_SEEN, 1, (seen, one) -> (Integer) seen + (Integer) one);
        Object script = action.param("middleware");
        if ("reject".equals(script)) {
            throw new ClientError("rejected by middleware", 403);
        }
        if ("explode".equals(script)) {
            throw new IllegalStateException("a bug in the middleware");
        }
        boolean shout = "shout".equals(script);
        if (shout && action.param("payload") instanceof String payload) {
            action.params().put("payload", payload.toUpperCase(Locale.ROOT));
        }
        next.proceed();
        if (shout) {
            action.response().put("shoutedBy", "middleware");
        }
    }
}
