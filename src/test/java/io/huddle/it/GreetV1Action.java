package io.huddle.it;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Test fixture: version 1 of {@code greet}. */
@ApplicationScoped
public class GreetV1Action implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("greet").withVersion(1).withDescription("Greets, formally");
    }

    @Override
    public void run(ActionContext action) {
        action.response().put("greeting", "good day");
        action.response().put("version", 1);
    }
}
