package io.huddle.it;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.connection.ClientError;
import jakarta.enterprise.context.ApplicationScoped;

/** Test fixture: {@code fail} puts a field in the response, then fails with its own message and status. */
@ApplicationScoped
public class FailAction implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("fail").withDescription("Always fails");
    }

    @Override
    public void run(ActionContext action) {
        action.response().put("partial", true);
        throw new ClientError("custom failure", 409);
    }
}
