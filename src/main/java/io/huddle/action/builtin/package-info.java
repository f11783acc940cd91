/**
 * API: {@code StatusContributor} and {@code StatusReport}; the built-in actions themselves are internal.
 * <p>
 * The actions every Huddle node has: {@code status} (extended by {@link io.huddle.action.builtin.StatusContributor}
 * beans), {@code showDocumentation} and {@code echo}. They are written with the same public API as an
 * application's actions.
 */
package io.huddle.action.builtin;
