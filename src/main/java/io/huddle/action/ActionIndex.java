package io.huddle.action;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** The actions of this deployment by name and version; immutable once built. */
final class ActionIndex {

    private final Map<String, NavigableMap<Integer, RegisteredAction>> byName;
    private final Map<String, Map<String, ActionDocumentation>> documentation;

    private ActionIndex(Map<String, NavigableMap<Integer, RegisteredAction>> byName) {
        this.byName = byName;
        this.documentation = Collections.unmodifiableMap(document(byName));
    }

    /** Indexes {@code actions}; throws {@link DuplicateActionException} if two share a name and version. */
    static ActionIndex of(List<RegisteredAction> actions) {
        Map<String, NavigableMap<Integer, RegisteredAction>> byName = new TreeMap<>();
        for (RegisteredAction action : actions) {
            ActionDefinition definition = action.definition();
            NavigableMap<Integer, RegisteredAction> versions = byName.computeIfAbsent(definition.name(),
                    name -> new TreeMap<>());
            RegisteredAction clash = versions.putIfAbsent(definition.version(), action);
            if (clash != null) {
                throw new DuplicateActionException(definition, clash.beanClass(), action.beanClass());
            }
        }
        return new ActionIndex(byName);
    }

    /** The action called {@code name} in {@code version}, or in its highest version when that is null. */
    Optional<RegisteredAction> find(String name, Integer version) {
        NavigableMap<Integer, RegisteredAction> versions = byName.get(name);
        if (versions == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(version == null ? versions.lastEntry().getValue() : versions.get(version));
    }

    /** {@code {<action>: {<version>: documentation}}}, names and versions in ascending order. */
    Map<String, Map<String, ActionDocumentation>> documentation() {
        return documentation;
    }

    private static Map<String, Map<String, ActionDocumentation>> document(
            Map<String, NavigableMap<Integer, RegisteredAction>> byName) {
        Map<String, Map<String, ActionDocumentation>> all = new LinkedHashMap<>();
        byName.forEach((name, versions) -> {
            Map<String, ActionDocumentation> byVersion = new LinkedHashMap<>();
            versions.forEach((version, action) -> byVersion.put(version.toString(), document(action.definition())));
            all.put(name, Collections.unmodifiableMap(byVersion));
        });
        return all;
    }

    private static ActionDocumentation document(ActionDefinition definition) {
        Map<String, InputDocumentation> inputs = new LinkedHashMap<>();
        definition.inputs().forEach(input -> inputs.put(input.name(), InputDocumentation.of(input)));
        return new ActionDocumentation(definition.name(), definition.version(), definition.description(),
                Collections.unmodifiableMap(inputs), definition.outputExample());
    }
}
