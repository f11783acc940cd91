package io.huddle.it;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Test fixture: a second {@code echo} version 1, which must make the deployment fail. */
@ApplicationScoped
public class DuplicateEchoAction implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("echo");
    }

    @Override
    public void run(ActionContext action) {
        action.response().put("duplicate", true);
    }
}
