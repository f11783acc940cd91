package io.huddle.connection;

/** CDI event fired (synchronously) when a connection is gone, so features can forget it (rooms, presence). */
public record ConnectionClosed(Connection connection) {
}
