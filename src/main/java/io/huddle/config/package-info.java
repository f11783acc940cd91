/**
 * Internal: an application configures Huddle through MicroProfile Config, not through these types.
 * <p>
 * Typed configuration read from MicroProfile Config under the {@code huddle.} prefix.
 */
package io.huddle.config;
