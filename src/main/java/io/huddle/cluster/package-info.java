/**
 * What crosses nodes: room storage ({@link io.huddle.cluster.RoomStore}) and messaging
 * ({@link io.huddle.cluster.ClusterBus}), each with an in-memory implementation (the embedded default, one node)
 * and a Redis one. Nothing outside this package knows which is in use.
 */
package io.huddle.cluster;
