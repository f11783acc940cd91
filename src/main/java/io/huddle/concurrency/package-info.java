/**
 * Internal.
 * <p>
 * The application's own pools of container-managed threads (see {@link io.huddle.concurrency.ManagedThreadPool}).
 */
package io.huddle.concurrency;
