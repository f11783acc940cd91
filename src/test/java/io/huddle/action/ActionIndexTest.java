package io.huddle.action;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding actions by name and version, refusing duplicates, and the documentation built from definitions. */
class ActionIndexTest {

    /** Stand-ins for two action bean classes. */
    static final class First { }

    static final class Second { }

    private static RegisteredAction action(ActionDefinition definition, Class<?> beanClass) {
        return new RegisteredAction(definition, null, beanClass);
    }

    @Test
    void theHighestVersionIsTheDefaultAndEachVersionCanBeAskedFor() {
        ActionIndex index = ActionIndex.of(List.of(
                action(ActionDefinition.named("greet").withVersion(2), First.class),
                action(ActionDefinition.named("greet"), Second.class),
                action(ActionDefinition.named("greet").withVersion(10), Second.class)));
        assertEquals(10, index.find("greet", null).orElseThrow().definition().version());
        assertEquals(2, index.find("greet", 2).orElseThrow().definition().version());
        assertTrue(index.find("greet", 3).isEmpty());
        assertTrue(index.find("other", null).isEmpty());
    }

    @Test
    void aDuplicateNameAndVersionNamesBothClasses() {
        DuplicateActionException error = assertThrows(DuplicateActionException.class, () -> ActionIndex.of(List.of(
                action(ActionDefinition.named("echo"), First.class),
                action(ActionDefinition.named("echo"), Second.class))));
        assertEquals("two actions are named \"echo\" with version 1: " + First.class.getName() + " and "
                + Second.class.getName() + "; give one of them another name or version", error.getMessage());
    }

    @Test
    void theDocumentationListsEveryVersionWithItsInputs() {
        ActionIndex index = ActionIndex.of(List.of(
                action(ActionDefinition.named("b").withDescription("B").withOutputExample(Map.of("ok", true))
                        .withInputs(Input.named("x").required().withDescription("an x"),
                                Input.named("y").withDefault(3L),
                                Input.named("z").withComputedDefault(connection -> "computed")), First.class),
                action(ActionDefinition.named("a").withVersion(2), Second.class)));
        Map<String, Map<String, ActionDocumentation>> documentation = index.documentation();
        assertEquals(List.of("a", "b"), List.copyOf(documentation.keySet()));
        assertEquals(new ActionDocumentation("b", 1, "B", Map.of(
                        "x", new InputDocumentation(true, "an x", null),
                        "y", new InputDocumentation(false, null, 3L),
                        "z", new InputDocumentation(false, null, null)), Map.of("ok", true)),
                documentation.get("b").get("1"));
        assertEquals(List.of("2"), List.copyOf(documentation.get("a").keySet()));
    }

    @Test
    void aDefinitionNeedsANameAndAPositiveVersion() {
        assertThrows(IllegalArgumentException.class, () -> ActionDefinition.named(" "));
        assertThrows(IllegalArgumentException.class, () -> ActionDefinition.named("a").withVersion(0));
    }
}
