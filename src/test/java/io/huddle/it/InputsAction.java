package io.huddle.it;

import io.huddle.action.Action;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import io.huddle.action.Formatters;
import io.huddle.action.Input;
import io.huddle.action.InputRejected;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Test fixture: {@code inputs} declares one input of each kind and answers with the params it got. */
@ApplicationScoped
public class InputsAction implements Action {

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("inputs").withDescription("Shows how its inputs were processed")
                .withInputs(
                        Input.named("name").required().withConstraintsOf(InputLimits.class)
                                .withDescription("at most 8 characters"),
                        Input.named("n").withDefault(5L).withFormatter(Formatters.toLong())
                                .withValidator(n -> {
                                    if ((Long) n > 10) {
                                        throw InputRejected.mustBe("<= 10");
                                    }
                                    return true;
                                }),
                        Input.named("mode").withValidator(mode -> !"bad".equals(mode)),
                        Input.named("connectionType").withComputedDefault(connection -> connection.type()))
                .withOutputExample(Map.of("name", "bob", "n", 5, "connectionType", "websocket"));
    }

    @Override
    public void run(ActionContext action) {
        action.params().forEach((name, value) -> {
            if (!name.equals("action")) {
                action.response().put(name, value);
            }
        });
    }
}
