package io.huddle.action.builtin;

import io.huddle.action.Action;
import io.huddle.action.ActionCatalog;
import io.huddle.action.ActionContext;
import io.huddle.action.ActionDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** {@code showDocumentation} (ActionHero ≤ v22): every action and version with its inputs, from the definitions. */
@ApplicationScoped
public class ShowDocumentationAction implements Action {

    @Inject
    ActionCatalog catalog;

    @Override
    public ActionDefinition definition() {
        return ActionDefinition.named("showDocumentation")
                .withDescription("Lists every action with its versions, inputs and an example of its output")
                .withOutputExample(Map.of("documentation", Map.of("echo", Map.of("1", Map.of(
                        "name", "echo", "version", 1, "description", "…", "inputs", Map.of(),
                        "outputExample", Map.of())))));
    }

    @Override
    public void run(ActionContext action) {
        action.response().put("documentation", catalog.documentation());
    }
}
