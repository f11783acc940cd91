package com.example.teamchat;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Input;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code login}: puts the user's name in the connection's session when the team's password is right. */
@ApplicationScoped
public class LoginAction implements Action {

    /** The session key that marks a connection as logged in. */
    static final String USER = "user";

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("login").withDescription("Logs the connection in")
                .withInputs(Input.named("name").required(),
                        Input.named("password").required().withValidator("team-secret"::equals));
    }

    @Override
    public void run(ActionContext action) {
        String name = action.param("name", String.class);
        action.connection().session().put(USER, name);
        action.response().put("user", name);
    }
}
