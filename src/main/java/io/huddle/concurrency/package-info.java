/**
 * Internal.
 * <p>
 * The application's own pools of container-managed threads (see {@link io.huddle.concurrency.ManagedThreadPool}),
 * and {@link io.huddle.concurrency.KeyedLanes}, which keeps work in order per key on such a pool.
 */
package io.huddle.concurrency;
