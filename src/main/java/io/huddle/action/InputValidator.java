package io.huddle.action;

/**
 * Checks a (formatted) input value. Returning false fails the request with ActionHero's generic
 * {@code Input for parameter "<input>" failed validation!}; throwing {@link InputRejected} gives a precise
 * {@code "<input> must be …"}. Both are answered with HTTP status 500, as ActionHero does (spec §8.1); throw a
 * {@link io.huddle.connection.ClientError} to choose the message and status yourself.
 */
@FunctionalInterface
public interface InputValidator {

    boolean isValid(Object value);
}
