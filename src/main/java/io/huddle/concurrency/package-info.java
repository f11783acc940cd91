/**
 * Internal.
 * <p>
 * The application's own pools of container-managed threads (see {@link io.huddle.concurrency.ManagedThreadPool}),
 * {@link io.huddle.concurrency.KeyedLanes}, which keeps work in order per key on such a pool, and
 * {@link io.huddle.concurrency.Completions}, the one place that unwraps a failed stage's cause.
 */
package io.huddle.concurrency;
