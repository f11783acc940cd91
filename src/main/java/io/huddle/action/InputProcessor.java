package io.huddle.action;

import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.ErrorMessages;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the params a client sent into the ones an action sees (spec §9): unknown params are dropped, then each
 * declared input gets its default, formatters, validators (and Bean Validation constraints) and required check.
 * The first missing input is reported before the first invalid one.
 */
@Dependent
public class InputProcessor {

    /** Params that are not inputs but say how to route the call; kept so actions and middleware can see them. */
    static final List<String> ROUTING_PARAMS = List.of("action", "apiVersion");

    /** ActionHero answers invalid input with 500 (spec §8.1); a value of the wrong type is Huddle's 422. */
    static final int INVALID_STATUS = 500;
    static final int MISSING_OR_MALFORMED_STATUS = 422;

    private final Validator validator;

    @Inject
    public InputProcessor(Validator validator) {
        this.validator = validator;
    }

    /** The processed params, or a {@link ClientError} saying what is missing or invalid. */
    public Map<String, Object> process(ActionDefinition action, Map<String, Object> received, Connection connection) {
        Map<String, Object> processed = new LinkedHashMap<>();
        for (String routing : ROUTING_PARAMS) {
            if (received.containsKey(routing)) {
                processed.put(routing, received.get(routing));
            }
        }
        String firstMissing = null;
        ClientError firstInvalid = null;
        for (Input input : action.inputs()) {
            Object value = received.get(input.name());
            if (value == null && input.defaultValue() != null) {
                value = input.defaultValue().valueFor(connection);
            }
            if (value != null) {
                try {
                    value = format(input, value);
                    validate(input, value);
                } catch (ClientError e) {
                    firstInvalid = firstInvalid == null ? e : firstInvalid;
                }
                processed.put(input.name(), value);
            }
            if (input.isRequired() && (value == null || "".equals(value)) && firstMissing == null) {
                firstMissing = input.name();
            }
        }
        if (firstMissing != null) {
            throw new ClientError(ErrorMessages.requiredParam(firstMissing), MISSING_OR_MALFORMED_STATUS);
        }
        if (firstInvalid != null) {
            throw firstInvalid;
        }
        return processed;
    }

    private static Object format(Input input, Object value) {
        Object formatted = value;
        for (InputFormatter formatter : input.formatters()) {
            try {
                formatted = formatter.format(formatted);
            } catch (InputRejected e) {
                throw new ClientError(ErrorMessages.mustBe(input.name(), e.expected()), MISSING_OR_MALFORMED_STATUS);
            }
        }
        return formatted;
    }

    private void validate(Input input, Object value) {
        for (InputValidator check : input.validators()) {
            boolean valid;
            try {
                valid = check.isValid(value);
            } catch (InputRejected e) {
                throw new ClientError(ErrorMessages.mustBe(input.name(), e.expected()), INVALID_STATUS);
            }
            if (!valid) {
                throw new ClientError(ErrorMessages.failedValidation(input.name()), INVALID_STATUS);
            }
        }
        if (input.constraints() != null) {
            checkConstraints(input, value);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void checkConstraints(Input input, Object value) {
        Set<ConstraintViolation<?>> violations = (Set) validator.validateValue(input.constraints(), input.name(), value);
        // several constraints may fail at once; report the same one every time
        violations.stream().map(ConstraintViolation::getMessage).min(Comparator.naturalOrder()).ifPresent(message -> {
            throw new ClientError(input.name() + " " + message, INVALID_STATUS);
        });
    }
}
