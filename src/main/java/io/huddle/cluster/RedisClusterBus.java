package io.huddle.cluster;

import java.util.concurrent.CompletionStage;

/**
 * The cluster bus over Redis pub/sub: room messages through this node's {@link RedisRoomChannels}, node commands
 * through its {@link RedisNodeRpc}.
 */
final class RedisClusterBus implements ClusterBus {

    private final String nodeId;
    private final RedisRoomChannels rooms;
    private final RedisNodeRpc rpc;

    RedisClusterBus(String nodeId, RedisRoomChannels rooms, RedisNodeRpc rpc) {
        this.nodeId = nodeId;
        this.rooms = rooms;
        this.rpc = rpc;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(RoomMessage message) {
        rooms.publish(message);
    }

    @Override
    public void subscribe(String room) {
        rooms.subscribe(room);
    }

    @Override
    public void awaitSubscribed(String room) {
        rooms.awaitSubscribed(room);
    }

    @Override
    public void unsubscribe(String room) {
        rooms.unsubscribe(room);
    }

    @Override
    public CompletionStage<NodeCommandResult> send(String node, NodeCommand command) {
        return rpc.send(node, command);
    }
}
