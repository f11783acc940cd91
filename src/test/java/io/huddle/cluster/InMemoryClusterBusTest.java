package io.huddle.cluster;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The single-node bus: a publish reaches this node's delivery at once, in order, for subscribed rooms only. */
class InMemoryClusterBusTest {

    private final List<RoomMessage> delivered = new ArrayList<>();
    private final RecordingCommands commands = new RecordingCommands();
    private final ClusterBus bus = new InMemoryClusterBus("node-a", new RoomDelivery() {
        @Override
        public void deliver(RoomMessage message) {
            delivered.add(message);
        }

        @Override
        public void deliverRemote(RoomMessage message) {
            throw new AssertionError("one node: nothing arrives from another");
        }
    }, commands);

    /** A room message as the chat layer would publish it. */
    private record Said(String room, String origin, String text) implements RoomMessage {
    }

    @Test
    void aPublishToASubscribedRoomIsDeliveredBeforePublishReturnsAndInOrder() {
        bus.subscribe("lobby");
        RoomMessage first = chatIn("lobby", "one");
        RoomMessage second = chatIn("lobby", "two");
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
        assertEquals(List.of(command), commands.handled());
    }

    @Test
    void aCommandForAnyOtherNodeFailsSayingItIsNotRunning() {
        NodeCommandResult result = bus.send("node-b", commandFor("c1")).toCompletableFuture().getNow(null);
        assertEquals(NodeCommandResult.failed("node node-b is not running"), result);
        assertEquals(List.of(), commands.handled());
    }

    @Test
    void theBusNamesThisNode() {
        assertEquals("node-a", bus.nodeId());
    }

    private static RoomMessage chatIn(String room, String text) {
        return new Said(room, "node-a", text);
    }

    private static NodeCommand commandFor(String connectionId) {
        return new NodeCommand.Push(connectionId, Json.createObjectBuilder().add("text", "hi").build());
    }
}
