/**
 * What crosses nodes: room storage ({@link io.huddle.cluster.RoomStore}) and messaging
 * ({@link io.huddle.cluster.ClusterBus}: room messages, which the chat layer defines as
 * {@link io.huddle.cluster.RoomMessage}s and writes with its {@link io.huddle.cluster.RoomCodec}, and typed
 * {@link io.huddle.cluster.NodeCommand}s), each with an in-memory implementation (the embedded default, one node)
 * and a Redis one. The Redis side by role: {@code NodeLiveness} (heartbeat, live nodes, cleanup after a dead node),
 * {@code RedisRoomChannels} (room pub/sub), {@code RedisNodeRpc} (node commands), {@code RedisRoomStore},
 * {@code RedisConnectionDirectory}, wired and beaten by {@code RedisCluster}. Nothing outside this package knows
 * which is in use.
 */
package io.huddle.cluster;
