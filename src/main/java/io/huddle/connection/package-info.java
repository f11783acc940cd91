/**
 * The connection model of ActionHero (spec §4), the node-local registry of live connections, and each
 * connection's bounded outbound queue.
 */
package io.huddle.connection;
