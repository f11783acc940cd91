package io.huddle.action;

/** Two action beans share a name and version: the deployment fails with this, naming both classes. */
public class DuplicateActionException extends RuntimeException {

    DuplicateActionException(ActionDefinition definition, Class<?> first, Class<?> second) {
        super("two actions are named \"" + definition.name() + "\" with version " + definition.version() + ": "
                + first.getName() + " and " + second.getName()
                + "; give one of them another name or version");
    }
}
