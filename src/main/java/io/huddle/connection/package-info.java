/**
 * API, mixed with internals: an application uses {@code Connection} (in actions and hooks), {@code Connections}
 * (server push), {@code ClientError} (to refuse with a message) and {@code CloseStatus} (to close a connection);
 * every other type here is internal.
 * <p>
 * The connection model of ActionHero (spec §4), the node-local registry of live connections, and each
 * connection's bounded outbound queue.
 */
package io.huddle.connection;
