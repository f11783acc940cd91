package io.huddle.cluster;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-node bus: a publish reaches this node's delivery at once, in order, for subscribed rooms only. */
class InMemoryClusterBusTest {

    private final List<RoomEnvelope> delivered = new ArrayList<>();
    private final List<NodeCommand> handled = new ArrayList<>();
    private final ClusterBus bus = new InMemoryClusterBus("node-a", delivered::add, command -> {
        handled.add(command);
        return NodeCommandResult.done();
    });

    @Test
    void aPublishToASubscribedRoomIsDeliveredBeforePublishReturnsAndInOrder() {
        bus.subscribe("lobby");
        RoomEnvelope first = chatIn("lobby", "one");
        RoomEnvelope second = chatIn("lobby", "two");
        bus.publish(first);
        bus.publish(second);
        assertEquals(List.of(first, second), delivered);
    }

    @Test
    void nothingIsDeliveredForARoomThisNodeDoesNotListenTo() {
        bus.publish(chatIn("lobby", "before"));
        bus.subscribe("lobby");
        bus.unsubscribe("lobby");
        bus.publish(chatIn("lobby", "after"));
        bus.subscribe("other");
        bus.publish(chatIn("lobby", "still not"));
        assertEquals(List.of(), delivered);
    }

    @Test
    void aCommandForThisNodeRunsHereAndReturnsItsResult() throws Exception {
        NodeCommand command = commandFor("c1");
        NodeCommandResult result = bus.send("node-a", command).toCompletableFuture().getNow(null);
        assertEquals(NodeCommandResult.done(), result, "completed before send returned");
        assertEquals(List.of(command), handled);
    }

    @Test
    void aCommandForAnyOtherNodeFailsSayingItIsNotRunning() {
        NodeCommandResult result = bus.send("node-b", commandFor("c1")).toCompletableFuture().getNow(null);
        assertEquals(NodeCommandResult.failed("node node-b is not running"), result);
        assertEquals(List.of(), handled);
    }

    @Test
    void onlyThisNodeIsAlive() {
        assertEquals("node-a", bus.nodeId());
        assertTrue(bus.isAlive("node-a"));
        assertFalse(bus.isAlive("node-b"));
    }

    private static RoomEnvelope chatIn(String room, String text) {
        return RoomEnvelope.chat(room, "c1", Json.createValue(text), 1L, "node-a");
    }

    private static NodeCommand commandFor(String connectionId) {
        return new NodeCommand(NodeCommand.SEND, connectionId, null, Json.createObjectBuilder().add("text", "hi").build());
    }
}
