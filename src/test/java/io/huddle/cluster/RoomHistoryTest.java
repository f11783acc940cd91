package io.huddle.cluster;

import io.huddle.config.HistorySettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room history on one node: positions in publish order, bounded by size and ttl, and the recovery rule. */
class RoomHistoryTest {

    private static final HistorySettings.Limits FIVE = new HistorySettings.Limits(5, 60);

    private final List<RoomMessage> delivered = new ArrayList<>();
    private final InMemoryRoomHistory history = new InMemoryRoomHistory(room -> FIVE);
    private final ClusterBus bus = new InMemoryClusterBus("node-a", new RoomDelivery() {
        @Override
        public void deliver(RoomMessage message) {
            delivered.add(message);
        }

        @Override
        public void deliverRemote(RoomMessage message) {
            throw new AssertionError("one node");
        }
    }, new RecordingCommands(), history);

    /** A kept message, as the chat layer's chat is. */
    private record Said(String room, String origin, String text, RoomPosition position) implements RoomMessage {
        @Override
        public boolean kept() {
            return true;
        }

        @Override
        public RoomMessage at(RoomPosition newPosition) {
            return new Said(room, origin, text, newPosition);
        }
    }

    private String say(String text) {
        bus.publish(new Said("lobby", "node-a", text, null));
        return ((Said) delivered.get(delivered.size() - 1)).position().position();
    }

    private static List<String> texts(RoomHistory.Page page) {
        return page.messages().stream().map(m -> ((Said) m).text()).toList();
    }

    @Test
    void membersGetEachMessageWithARisingPositionAndOneEpoch() {
        bus.subscribe("lobby");
        String first = say("one");
        String second = say("two");
        assertTrue(RoomPosition.compare(first, second) < 0);
        assertEquals(((Said) delivered.get(0)).position().epoch(), ((Said) delivered.get(1)).position().epoch());
    }

    @Test
    void aReaderGetsWhatFollowedItsPositionInOrder() {
        bus.subscribe("lobby");
        String seen = say("one");
        say("two");
        say("three");
        RoomHistory.Page page = history.read("lobby", seen, 5, FIVE);
        assertEquals(List.of("two", "three"), texts(page));
        assertTrue(page.complete());
    }

    @Test
    void aPositionTrimmedPastTheSizeIsAGapAndNothingNewIsComplete() {
        bus.subscribe("lobby");
        String seen = say("zero");
        for (int i = 1; i <= 6; i++) {
            say("m" + i);
        }
        assertFalse(history.read("lobby", seen, 5, FIVE).complete());
        String newest = say("last");
        RoomHistory.Page upToDate = history.read("lobby", newest, 5, FIVE);
        assertTrue(upToDate.complete());
        assertEquals(List.of(), upToDate.messages());
        assertEquals(List.of("m3", "m4", "m5", "m6", "last"), texts(history.read("lobby", null, 10, FIVE)));
    }

    @Test
    void messagesPastTheTtlAreNotReturnedAndMakeAGap() {
        long now = 1_000_000;
        List<RoomHistory.Entry> kept = List.of(entry("900000-0", "old"), entry("990000-0", "young"));
        RoomHistory.Page page = RoomHistory.page("e", kept, null, 10, 50_000, now);
        assertEquals(List.of("young"), texts(page));
        assertFalse(RoomHistory.page("e", kept, "800000-0", 10, 50_000, now).complete());
        RoomHistory.Page afterOld = RoomHistory.page("e", List.of(entry("900000-0", "a"), entry("900000-1", "b")),
                "900000-0", 10, 50_000, now);
        assertFalse(afterOld.complete(), "what came after the position is past the ttl");
    }

    @Test
    void aForgottenRoomsRingIsDroppedAndARoomThatIsGoneGetsNone() {
        java.util.Set<String> existing = new java.util.HashSet<>(List.of("lobby"));
        InMemoryRoomHistory bounded = new InMemoryRoomHistory(room -> FIVE, existing::contains);
        String epoch = bounded.read("lobby", null, 1, FIVE).epoch();
        bounded.ring("gone").append(new Said("gone", "node-a", "late", null), 5);
        assertEquals(1, bounded.rooms(), "a message racing its room's destroy leaves no ring");
        bounded.forget("lobby");
        assertEquals(0, bounded.rooms());
        assertNotEquals(epoch, bounded.read("lobby", null, 1, FIVE).epoch(), "made again: a new epoch");
    }

    @Test
    void eachRoomHasItsOwnEpoch() {
        assertNotEquals(history.read("a", null, 1, FIVE).epoch(), history.read("b", null, 1, FIVE).epoch());
    }

    private static RoomHistory.Entry entry(String position, String text) {
        return new RoomHistory.Entry(position, new Said("lobby", "n", text, new RoomPosition("e", position)));
    }
}
