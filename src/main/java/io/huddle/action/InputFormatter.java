package io.huddle.action;

/**
 * Turns a received value into the one the action sees, e.g. {@code "3"} into {@code 3L} (see {@link Formatters}).
 * Throw {@link InputRejected} when the value cannot be converted: the client gets {@code "<input> must be …"}
 * with HTTP status 422.
 */
@FunctionalInterface
public interface InputFormatter {

    Object format(Object value);
}
