package io.huddle.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Processes one action call: inputs, then the action. Global middleware wraps {@link #process} (the
 * {@link ActionProcessing} binding); action-specific middleware wraps the action's {@code run}, which is called
 * through its CDI reference so those interceptors apply.
 */
@ApplicationScoped
public class ActionProcessor {

    @Inject
    InputProcessor inputs;

    @ActionProcessing
    public void process(ActionContext action) throws Exception {
        action.useProcessedParams(inputs.process(action.action(), action.params(), action.connection()));
        action.target().run(action);
    }
}
