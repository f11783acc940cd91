package io.huddle.cluster;

import io.huddle.connection.ErrorMessages;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default: one node, so publishing is a direct call to this node's delivery (on the publisher's
 * thread, which keeps per-room order) and every command targets this node.
 */
public class InMemoryClusterBus implements ClusterBus {

    private final String nodeId;
    private final RoomDelivery delivery;
    private final NodeCommandHandler commands;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();

    public InMemoryClusterBus(String nodeId, RoomDelivery delivery, NodeCommandHandler commands) {
        this.nodeId = nodeId;
        this.delivery = delivery;
        this.commands = commands;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(RoomMessage message) {
        if (subscribed.contains(message.room())) {
            delivery.deliver(message);
        }
    }

    @Override
    public void subscribe(String room) {
        subscribed.add(room);
    }

    @Override
    public void unsubscribe(String room) {
        subscribed.remove(room);
    }

    @Override
    public CompletionStage<NodeCommandResult> send(String node, NodeCommand command) {
        if (!nodeId.equals(node)) {
            return CompletableFuture.completedFuture(NodeCommandResult.failed(ErrorMessages.nodeNotRunning(node)));
        }
        return CompletableFuture.completedFuture(commands.handle(command));
    }
}
