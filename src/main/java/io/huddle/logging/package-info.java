/**
 * Internal.
 * <p>
 * What the log needs beyond {@code java.util.logging}: {@link io.huddle.logging.ThrottledWarning}, a warning whose
 * cause can recur with every request, logged at most once per interval.
 */
package io.huddle.logging;
