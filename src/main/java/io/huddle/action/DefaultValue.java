package io.huddle.action;

import io.huddle.connection.Connection;

/** The value an {@link Input} takes when the client sent none; computed per request. */
@FunctionalInterface
public interface DefaultValue {

    Object valueFor(Connection connection);

    /** A default that is the same for every request, and so can be documented. */
    record Fixed(Object value) implements DefaultValue {
        @Override
        public Object valueFor(Connection connection) {
            return value;
        }
    }
}
