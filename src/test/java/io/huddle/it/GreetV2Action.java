package io.huddle.it;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Test fixture: version 2 of {@code greet}, the default. */
@ApplicationScoped
public class GreetV2Action implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("greet").withVersion(2).withDescription("Greets, casually");
    }

    @Override
    public void run(ActionContext action) {
        action.response().put("greeting", "hi");
        action.response().put("version", 2);
    }
}
