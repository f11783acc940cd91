package io.huddle.action;

import java.util.List;
import java.util.Map;

/**
 * What an action is (spec §9): its name, version (several may coexist; clients pick one with {@code apiVersion},
 * the highest by default), description, declared inputs and an example of its output for the documentation.
 * Build one with {@link #named(String)} and the {@code with…} methods.
 */
public record ActionDefinition(String name, int version, String description, List<Input> inputs,
                               Object outputExample) {

    public ActionDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an action needs a name");
        }
        if (version < 1) {
            throw new IllegalArgumentException("action " + name + ": version must be 1 or more, not " + version);
        }
        inputs = List.copyOf(inputs);
    }

    /** Version 1, described by its name, no inputs, an empty output example. */
    public static ActionDefinition named(String name) {
        return new ActionDefinition(name, 1, name, List.of(), Map.of());
    }

    public ActionDefinition withVersion(int version) {
        return new ActionDefinition(name, version, description, inputs, outputExample);
    }

    public ActionDefinition withDescription(String description) {
        return new ActionDefinition(name, version, description, inputs, outputExample);
    }

    public ActionDefinition withInputs(Input... inputs) {
        return new ActionDefinition(name, version, description, List.of(inputs), outputExample);
    }

    /** Anything JSON-B can serialize; shown by {@code showDocumentation}, never checked. */
    public ActionDefinition withOutputExample(Object outputExample) {
        return new ActionDefinition(name, version, description, inputs, outputExample);
    }
}
