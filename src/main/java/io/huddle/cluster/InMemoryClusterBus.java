package io.huddle.cluster;

import io.huddle.connection.ErrorMessages;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default: one node, so publishing is a direct call to this node's delivery (on the publisher's
 * thread, which keeps per-room order) and every command targets this node. Kept messages go to the
 * {@link InMemoryRoomHistory} first, which gives them their positions.
 */
public class InMemoryClusterBus implements ClusterBus {

    private final String nodeId;
    private final RoomDelivery delivery;
    private final NodeCommandHandler commands;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final InMemoryRoomHistory history;

    /** A bus that keeps no history. */
    public InMemoryClusterBus(String nodeId, RoomDelivery delivery, NodeCommandHandler commands) {
        this(nodeId, delivery, commands, null);
    }

    /** A bus that keeps kept messages in {@code history} (null: none). */
    public InMemoryClusterBus(String nodeId, RoomDelivery delivery, NodeCommandHandler commands,
                              InMemoryRoomHistory history) {
        this.nodeId = nodeId;
        this.delivery = delivery;
        this.commands = commands;
        this.history = history;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(RoomMessage message) {
        if (history == null || !message.kept()) {
            deliverHere(message);
            return;
        }
        int size = history.limitsFor(message.room()).size();
        if (size <= 0) {
            deliverHere(message);
            return;
        }
        InMemoryRoomHistory.Ring ring = history.ring(message.room());
        // appended and delivered under one lock: members see a room's messages in position order
        synchronized (ring) {
            deliverHere(ring.append(message, size));
        }
    }

    private void deliverHere(RoomMessage message) {
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
