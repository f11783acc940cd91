package io.huddle.it;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Test fixture: {@code whoami} needs a logged-in connection and shows what its session holds. */
@ApplicationScoped
@RequiresLogin
public class WhoAmIAction implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("whoami").withDescription("Who this connection is logged in as");
    }

    @Override
    public void run(ActionContext action) {
        action.response().put("user", action.connection().session().get(LoginAction.USER));
        action.response().put("actionsSeen", action.connection().session().get(ScriptedMiddleware.ACTIONS_SEEN));
    }
}
