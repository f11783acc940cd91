package io.huddle.it;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Input;
import jakarta.enterprise.context.ApplicationScoped;

/** Test fixture: {@code login} marks the connection as authenticated in its session (password "secret"). */
@ApplicationScoped
public class LoginAction implements Action {

    static final String USER = "user";

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("login").withDescription("Logs the connection in")
                .withInputs(Input.named("user").required(),
                        Input.named("password").required().withValidator("secret"::equals));
    }

    @Override
    public void run(ActionContext action) {
        String user = action.param("user", String.class);
        action.connection().session().put(USER, user);
        action.response().put("user", user);
        action.response().put("authenticated", true);
    }
}
