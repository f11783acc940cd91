package io.huddle.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link Action} bean of the deployment, found through CDI, by name and version. Built once, at deployment
 * ({@link ActionCatalogCheck} turns a duplicate into a deployment failure), and read-only afterwards.
 */
@ApplicationScoped
public class ActionCatalog {

    @Inject
    @Any
    Instance<Action> actions;

    private volatile ActionIndex index;

    /** The action called {@code name} in {@code version}, or in its highest version when that is null. */
    Optional<RegisteredAction> find(String name, Integer version) {
        return index().find(name, version);
    }

    /** {@code {<action>: {<version>: {name, version, description, inputs, outputExample}}}}. */
    public Map<String, Map<String, ActionDocumentation>> documentation() {
        return index().documentation();
    }

    /** Finds and indexes the actions; throws {@link DuplicateActionException}. */
    synchronized ActionIndex load() {
        if (index == null) {
            List<RegisteredAction> found = new ArrayList<>();
            for (Instance.Handle<Action> handle : actions.handles()) {
                Action action = handle.get();
                found.add(new RegisteredAction(action.definition(), action, handle.getBean().getBeanClass()));
            }
            index = ActionIndex.of(found);
        }
        return index;
    }

    private ActionIndex index() {
        ActionIndex loaded = index;
        return loaded != null ? loaded : load();
    }
}
