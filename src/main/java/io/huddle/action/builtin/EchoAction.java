package io.huddle.action.builtin;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Input;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** {@code echo}: answers with the {@code payload} it was sent; the RPC benchmark's action, so it stays trivial. */
@ApplicationScoped
public class EchoAction implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("echo")
                .withDescription("Answers with the payload it was sent, unchanged")
                .withInputs(Input.named("payload").withDescription("any JSON value"))
                .withOutputExample(Map.of("payload", "hello"));
    }

    @Override
    public void run(ActionContext action) {
        action.response().put("payload", action.param("payload"));
    }
}
