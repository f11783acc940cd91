package io.huddle.action;

import java.util.ArrayList;
import java.util.List;

/**
 * One declared input of an action (spec §9). Each request's value goes through, in this order: the default (when
 * the client sent none or {@code null}), the formatters, the validators and Bean Validation constraints (when there
 * is a value), then the required check ({@code null} and {@code ""} count as missing). A missing required input is
 * reported before any validation failure, and only the first of each is reported.
 *
 * <pre>{@code
 * Input.named("limit").withDefault(10L).withFormatter(Formatters.toLong())
 *      .withValidator(n -> (Long) n <= 100).withDescription("how many, at most 100")
 * }</pre>
 *
 * @param isRequired whether a request without a value (after the default) is refused
 * @param constraints a class whose property of this input's name carries Bean Validation constraints, or null
 */
public record Input(String name, String description, boolean isRequired, DefaultValue defaultValue,
                   List<InputFormatter> formatters, List<InputValidator> validators, Class<?> constraints) {

    public Input {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an input needs a name");
        }
        formatters = List.copyOf(formatters);
        validators = List.copyOf(validators);
    }

    /** An optional input with no default, formatter or validator. */
    public static Input named(String name) {
        return new Input(name, null, false, null, List.of(), List.of(), null);
    }

    public Input required() {
        return new Input(name, description, true, defaultValue, formatters, validators, constraints);
    }

    public Input withDescription(String description) {
        return new Input(name, description, isRequired, defaultValue, formatters, validators, constraints);
    }

    /** A fixed default; it is documented and still formatted and validated like a value the client sent. */
    public Input withDefault(Object value) {
        return withComputedDefault(new DefaultValue.Fixed(value));
    }

    /** A default computed for each request, e.g. from the connection. */
    public Input withComputedDefault(DefaultValue defaultValue) {
        return new Input(name, description, isRequired, defaultValue, formatters, validators, constraints);
    }

    /** Adds a formatter; formatters run in the order they were added, each on the previous one's output. */
    public Input withFormatter(InputFormatter formatter) {
        List<InputFormatter> more = new ArrayList<>(formatters);
        more.add(formatter);
        return new Input(name, description, isRequired, defaultValue, more, validators, constraints);
    }

    /** Adds a validator; validators run in the order they were added, after the formatters. */
    public Input withValidator(InputValidator validator) {
        List<InputValidator> more = new ArrayList<>(validators);
        more.add(validator);
        return new Input(name, description, isRequired, defaultValue, formatters, more, constraints);
    }

    /**
     * Validates the (formatted) value with the Bean Validation constraints declared on the property of the same
     * name in {@code type}, e.g. {@code record Limits(@Size(max = 20) String name) {}}.
     */
    public Input withConstraintsOf(Class<?> type) {
        return new Input(name, description, isRequired, defaultValue, formatters, validators, type);
    }
}
