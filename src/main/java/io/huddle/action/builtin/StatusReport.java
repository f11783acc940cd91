package io.huddle.action.builtin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code status} answer being assembled: fields in the order they were put, and the problems found. Any problem
 * makes the node "Node Unhealthy".
 */
public final class StatusReport {

    static final String HEALTHY = "Node Healthy";
    static final String UNHEALTHY = "Node Unhealthy";

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Adds (or replaces) a field; the value may be anything JSON-B serializes. */
    public StatusReport put(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    /** Records something an operator must look at, in words they can act on. */
    public StatusReport problem(String description) {
        problems.add(description);
        return this;
    }

    /** The fields, then {@code nodeStatus} and {@code problems}. */
    Map<String, Object> toResponse() {
        Map<String, Object> response = new LinkedHashMap<>(fields);
        response.put("nodeStatus", problems.isEmpty() ? HEALTHY : UNHEALTHY);
        response.put("problems", List.copyOf(problems));
        return response;
    }
}
