package io.huddle.action;

import io.huddle.connection.Connection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of an action (ActionHero's {@code data}): who called ({@link #connection()}), which action, the params and
 * the response being built. Middleware may change {@link #params()} until the inputs are processed; after that they
 * are read-only. Used by one thread at a time.
 */
public final class ActionContext {

    private final Connection connection;
    private final ActionDefinition action;
    private final Action target;
    private final Map<String, Object> response = new LinkedHashMap<>();
    private Map<String, Object> params;

    ActionContext(Connection connection, RegisteredAction action, Map<String, Object> params) {
        this.connection = connection;
        this.action = action.definition();
        this.target = action.bean();
        this.params = new LinkedHashMap<>(params);
    }

    /** The caller: id, fingerprint, type ({@code websocket} or {@code web}) and its {@code session()} map. */
    public Connection connection() {
        return connection;
    }

    public ActionDefinition action() {
        return action;
    }

    /** The params: as received (plus {@code action}) before the inputs are processed, the processed ones after. */
    public Map<String, Object> params() {
        return params;
    }

    public Object param(String name) {
        return params.get(name);
    }

    /** A param as {@code type}, e.g. {@code param("limit", Long.class)} after a {@link Formatters#toLong()}. */
    public <T> T param(String name, Class<T> type) {
        return type.cast(params.get(name));
    }

    /** The response the client gets: every entry becomes a top-level field of the reply. */
    public Map<String, Object> response() {
        return response;
    }

    /** The action bean to run (its CDI reference, so action-specific middleware applies). */
    Action target() {
        return target;
    }

    /** Replaces the params by the processed inputs, which the action cannot change. */
    void useProcessedParams(Map<String, Object> processed) {
        params = Collections.unmodifiableMap(processed);
    }
}
