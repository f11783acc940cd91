package io.huddle.action;

import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Input processing as ActionHero does it (spec §9): default → formatters → validators → required. */
class InputProcessorTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Connection CONNECTION = new Connection("id-1", "fp", Connection.TYPE_WEB, "127.0.0.1", 1, null);

    private final InputProcessor processor = new InputProcessor(VALIDATION.getValidator());

    /** Bean Validation constraints for the inputs of these tests. */
    record Limits(@Size(max = 3) String code, @Max(10) Long n) {
    }

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void unknownParamsAreDroppedAndTheRoutingParamsKept() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(Input.named("x"));
        assertEquals(Map.of("action", "a", "apiVersion", 2L, "x", "1"),
                process(action, Map.of("action", "a", "apiVersion", 2L, "x", "1", "unknown", "y")));
    }

    @Test
    void aFixedDefaultIsFormattedLikeASentValue() {
        ActionDefinition action = ActionDefinition.named("a")
                .withInputs(Input.named("n").withDefault("7").withFormatter(Formatters.toLong()));
        assertEquals(Map.of("n", 7L), process(action, Map.of()));
        assertEquals(Map.of("n", 3L), process(action, Map.of("n", "3")));
        Map<String, Object> explicitNull = new LinkedHashMap<>();
        explicitNull.put("n", null);
        assertEquals(Map.of("n", 7L), process(action, explicitNull), "a JSON null takes the default");
    }

    @Test
    void aComputedDefaultSeesTheConnection() {
        ActionDefinition action = ActionDefinition.named("a")
                .withInputs(Input.named("who").withComputedDefault(Connection::fingerprint));
        assertEquals(Map.of("who", "fp"), process(action, Map.of()));
    }

    @Test
    void stepsRunInActionHerosOrder() {
        List<String> steps = new ArrayList<>();
        ActionDefinition action = ActionDefinition.named("a").withInputs(Input.named("x").required()
                .withDefault("d")
                .withFormatter(value -> {
                    steps.add("format " + value);
                    return value + "!";
                })
                .withValidator(value -> steps.add("validate " + value)));
        assertEquals(Map.of("x", "d!"), process(action, Map.of()));
        assertEquals(List.of("format d", "validate d!"), steps);
    }

    @Test
    void formattersChainInOrder() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(Input.named("x")
                .withFormatter(value -> value + "1").withFormatter(value -> value + "2"));
        assertEquals(Map.of("x", "a12"), process(action, Map.of("x", "a")));
    }

    @Test
    void theFirstMissingInputIsReportedBeforeAnyInvalidOne() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(
                Input.named("valid").withValidator(value -> false),
                Input.named("first").required(),
                Input.named("second").required());
        ClientError error = fail(action, Map.of("valid", "v"));
        assertEquals("first is a required parameter for this action", error.getMessage());
        assertEquals(422, error.status());
    }

    @Test
    void anEmptyStringCountsAsMissing() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(Input.named("x").required());
        assertEquals("x is a required parameter for this action", fail(action, Map.of("x", "")).getMessage());
    }

    @Test
    void onlyTheFirstInvalidInputIsReported() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(
                Input.named("one").withValidator(value -> false),
                Input.named("two").withValidator(value -> false));
        ClientError error = fail(action, Map.of("one", 1L, "two", 2L));
        assertEquals("Input for parameter \"one\" failed validation!", error.getMessage());
        assertEquals(500, error.status());
    }

    @Test
    void aValidatorCanSayWhatTheValueMustBe() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(Input.named("n").withValidator(value -> {
            throw InputRejected.mustBe("<= 10");
        }));
        assertEquals("n must be <= 10", fail(action, Map.of("n", 11L)).getMessage());
    }

    @Test
    void aValidatorsClientErrorKeepsItsMessageAndStatus() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(Input.named("n").withValidator(value -> {
            throw new ClientError("no thanks", 418);
        }));
        ClientError error = fail(action, Map.of("n", 1L));
        assertEquals("no thanks", error.getMessage());
        assertEquals(418, error.status());
    }

    @Test
    void aValueOfTheWrongTypeIs422() {
        ActionDefinition action = ActionDefinition.named("a")
                .withInputs(Input.named("n").withFormatter(Formatters.toLong()));
        for (Object wrong : List.of("three", "1.5", true, new java.math.BigDecimal("1.5"), List.of(1))) {
            ClientError error = fail(action, Map.of("n", wrong));
            assertEquals("n must be an integer", error.getMessage(), String.valueOf(wrong));
            assertEquals(422, error.status());
        }
    }

    @Test
    void beanValidationConstraintsApplyToTheFormattedValue() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(
                Input.named("code").withConstraintsOf(Limits.class),
                Input.named("n").withFormatter(Formatters.toLong()).withConstraintsOf(Limits.class));
        assertEquals(Map.of("code", "abc", "n", 10L), process(action, Map.of("code", "abc", "n", "10")));
        assertEquals("code size must be between 0 and 3", fail(action, Map.of("code", "abcd")).getMessage());
        ClientError tooBig = fail(action, Map.of("n", "11"));
        assertEquals("n must be less than or equal to 10", tooBig.getMessage());
        assertEquals(500, tooBig.status());
    }

    @Test
    void anUnexpectedExceptionInAFormatterIsNotMistakenForBadInput() {
        ActionDefinition action = ActionDefinition.named("a").withInputs(Input.named("x").withFormatter(value -> {
            throw new IllegalStateException("bug");
        }));
        assertThrows(IllegalStateException.class, () -> process(action, Map.of("x", "1")));
    }

    private Map<String, Object> process(ActionDefinition action, Map<String, Object> params) {
        return processor.process(action, params, CONNECTION);
    }

    private ClientError fail(ActionDefinition action, Map<String, Object> params) {
        return assertThrows(ClientError.class, () -> process(action, params));
    }
}
