package io.huddle.it;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Formatters;
import io.huddle.action.Input;
import jakarta.enterprise.context.ApplicationScoped;

/** Test fixture: {@code sleep} takes {@code ms} milliseconds, like ActionHero's {@code sleepTest}. */
@ApplicationScoped
public class SleepAction implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("sleep").withDescription("Sleeps, then answers")
                .withInputs(Input.named("ms").withDefault(100L).withFormatter(Formatters.toLong()));
    }

    @Override
    public void run(ActionContext action) throws InterruptedException {
        long millis = action.param("ms", Long.class);
        Thread.sleep(millis);
        action.response().put("slept", millis);
    }
}
