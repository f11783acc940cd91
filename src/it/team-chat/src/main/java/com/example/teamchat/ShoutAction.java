package com.example.teamchat;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Formatters;
import io.huddle.action.Input;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collections;

/** {@code shout}: an action with declared inputs, a required {@code text} and a {@code times} from 1 to 3. */
@ApplicationScoped
public class ShoutAction implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("shout").withDescription("Repeats a text in capitals")
                .withInputs(Input.named("text").required(),
                        Input.named("times").withDefault(1L).withFormatter(Formatters.toLong())
                                .withValidator(times -> (Long) times >= 1 && (Long) times <= 3));
    }

    @Override
    public void run(ActionContext action) {
        String text = action.param("text", String.class).toUpperCase();
        long times = action.param("times", Long.class);
        action.response().put("shout", String.join(" ", Collections.nCopies((int) times, text)));
    }
}
