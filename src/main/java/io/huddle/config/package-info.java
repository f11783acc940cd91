/** Typed configuration read from MicroProfile Config under the {@code huddle.} prefix. */
package io.huddle.config;
