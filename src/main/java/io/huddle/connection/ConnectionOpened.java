package io.huddle.connection;

/** CDI event fired after a connection is registered and welcomed. */
public record ConnectionOpened(Connection connection) {
}
