package io.huddle.it;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static io.huddle.it.HistoryOps.awaitSaid;
import static io.huddle.it.HistoryOps.connectWithPositions;
import static io.huddle.it.HistoryOps.indexOf;
import static io.huddle.it.HistoryOps.rejoin;
import static io.huddle.it.HistoryOps.said;
import static io.huddle.it.HistoryOps.sayNumbered;
import static io.huddle.it.HistoryOps.texts;
import static io.huddle.it.RoomOps.assertError;
import static io.huddle.it.RoomOps.join;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Room history on one node: positions for clients that ask, recovery after a cut connection (exactly the missed
 * messages, in order, before live ones), refusals past the size, the ttl or another epoch, and {@code roomHistory}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HistoryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.plain(Deployments.ratesOff(Map.of(
                "huddle.chat.rooms.historyOfFive.history.size", "5",
                "huddle.chat.rooms.historyOfASecond.history.ttl", "1",
                "huddle.chat.rooms.noHistory.history.size", "0",
                "huddle.chat.rooms.busy.history.size", "1000",
                "huddle.websocket.outbox.maxMessages", "2000", // a recovery may take half of it
                // a recovery may take half of it: 100 KB, less than eight messages of 15 KB
                "huddle.websocket.outbox.maxBytes", "200000"), "say", "frames"));
    }

    @ArquillianResource
    URL deployed;

    private URL base;
    private RoomOps rooms;

    @BeforeEach
    void useLoopback() {
        base = Deployments.loopback(deployed);
        rooms = new RoomOps(base);
    }

    @Test
    void aClientThatDidNotAskGetsExactlyActionHerosFiveSayKeys() throws Exception {
        String room = rooms.newRoom("plain");
        try (TestClient client = TestClient.connect(base)) {
            join(client, room);
            client.request("say", Map.of("room", room, "message", "hi"));
            JsonObject message = awaitSaid(client, room, "hi");
            assertEquals(List.of("message", "room", "from", "context", "sentAt"), List.copyOf(message.keySet()));
        }
    }

    @Test
    void aClientThatAskedGetsAPositionAndEpochOnEveryRoomMessage() throws Exception {
        String room = rooms.newRoom("positions");
        try (TestClient client = connectWithPositions(base)) {
            join(client, room);
            client.request("say", Map.of("room", room, "message", "one"));
            assertEquals("ok", rooms.op("broadcast", room, null, "two").body());
            JsonObject one = awaitSaid(client, room, "one");
            JsonObject two = awaitSaid(client, room, "two");
            assertEquals(List.of("message", "room", "from", "context", "sentAt", "position", "epoch"),
                    List.copyOf(one.keySet()));
            assertEquals(one.getString("epoch"), two.getString("epoch"));
            assertNotEquals(one.getString("position"), two.getString("position"));
        }
    }

    @Test
    void aClientCutOffGetsExactlyTheMessagesItMissedInOrderThenLiveOnes() throws Exception {
        String room = rooms.newRoom("recover");
        JsonObject lastSeen;
        try (TestClient a = connectWithPositions(base); TestClient b = TestClient.connect(base)) {
            join(a, room);
            join(b, room);
            b.request("say", Map.of("room", room, "message", "before"));
            lastSeen = awaitSaid(a, room, "before");
            rooms.post("test/cut", Map.of());
            a.awaitClose(TestClient.WAIT);
        }
        try (TestClient b = TestClient.connect(base); TestClient a = connectWithPositions(base)) {
            join(b, room);
            sayNumbered(b, room, "missed", 20);
            JsonObject verdict = rejoin(a, room, lastSeen);
            b.request("say", Map.of("room", room, "message", "live"));
            JsonObject live = awaitSaid(a, room, "live");

            List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 20).mapToObj(i -> "missed-" + i).toList());
            expected.add("live");
            assertEquals(expected, texts(said(a, room)), "the missed messages in order, once each, then live");
            assertTrue(verdict.getBoolean("recovered"), verdict.toString());
            assertEquals(20, verdict.getInt("missed"));
            assertEquals(said(a, room).get(19).getString("position"), verdict.getString("position"));
            assertTrue(indexOf(a, verdict) < indexOf(a, live), "the verdict comes before live messages");
        }
    }

    @Test
    void clientsRecoveringWhileMessagesKeepComingGetEachMessageOnceInOrder() throws Exception {
        String room = "busy";
        rooms.ensureRoom(room);
        RecoveryRace.run(base, List.of(base, base, base), room);
    }

    @Test
    void aClientThatMissedNothingRecoversNothing() throws Exception {
        String room = rooms.newRoom("nothing");
        try (TestClient a = connectWithPositions(base)) {
            join(a, room);
            a.request("say", Map.of("room", room, "message", "mine"));
            JsonObject lastSeen = awaitSaid(a, room, "mine");
            a.request("roomLeave", Map.of("room", room));
            JsonObject verdict = rejoin(a, room, lastSeen);
            assertTrue(verdict.getBoolean("recovered"));
            assertEquals(0, verdict.getInt("missed"));
            assertEquals(1, said(a, room).size());
        }
    }

    @Test
    void aRecoveryPastTheHistorySizeIsRefusedWithoutSendingTheHistory() throws Exception {
        String room = "historyOfFive";
        rooms.ensureRoom(room);
        assertRefusedWithoutTheHistory(room, b -> sayNumbered(b, room, "gone", 20), "too old");
    }

    @Test
    void aRecoveryLargerThanHalfTheOutboxIsRefusedWithoutSendingIt() throws Exception {
        String room = rooms.newRoom("large");
        String large = "x".repeat(15_000);
        assertRefusedWithoutTheHistory(room, b -> {
            for (int i = 0; i < 8; i++) {
                assertEquals("OK", b.request("say", Map.of("room", room, "message", large)).getString("status"));
            }
        }, "too large");
    }

    /**
     * A leaves {@code room} after seeing "seen", B does {@code meanwhile}, A rejoins: refused for {@code reason},
     * none of the history sent, the next live message arrives and A's connection stays open.
     */
    private void assertRefusedWithoutTheHistory(String room, Consumer<TestClient> meanwhile, String reason) {
        try (TestClient b = TestClient.connect(base); TestClient a = connectWithPositions(base)) {
            join(b, room);
            join(a, room);
            b.request("say", Map.of("room", room, "message", "seen"));
            JsonObject lastSeen = awaitSaid(a, room, "seen");
            a.request("roomLeave", Map.of("room", room));
            meanwhile.accept(b);
            int before = said(a, room).size();
            JsonObject verdict = rejoin(a, room, lastSeen);
            assertFalse(verdict.getBoolean("recovered"), verdict.toString());
            assertEquals(reason, verdict.getString("reason"));
            b.request("say", Map.of("room", room, "message", "live"));
            awaitSaid(a, room, "live");
            assertEquals(before + 1, said(a, room).size(), "no history sent, only the live message");
            assertFalse(a.isClosed());
        }
    }

    @Test
    void aRecoveryPastTheTtlIsRefused() throws Exception {
        String room = "historyOfASecond";
        rooms.ensureRoom(room);
        try (TestClient b = TestClient.connect(base); TestClient a = connectWithPositions(base)) {
            join(b, room);
            join(a, room);
            b.request("say", Map.of("room", room, "message", "seen"));
            JsonObject lastSeen = awaitSaid(a, room, "seen");
            a.request("roomLeave", Map.of("room", room));
            b.request("say", Map.of("room", room, "message", "soon stale"));
            Thread.sleep(1500);
            JsonObject verdict = rejoin(a, room, lastSeen);
            assertFalse(verdict.getBoolean("recovered"));
            assertEquals("too old", verdict.getString("reason"));
        }
    }

    @Test
    void aRecoveryFromAnotherEpochIsRefused() throws Exception {
        String room = rooms.newRoom("epoch");
        try (TestClient a = connectWithPositions(base)) {
            join(a, room);
            a.request("say", Map.of("room", room, "message", "now"));
            JsonObject now = awaitSaid(a, room, "now");
            a.request("roomLeave", Map.of("room", room));
            JsonObject verdict = rejoin(a, room, now.getString("position"), "not-" + now.getString("epoch"));
            assertFalse(verdict.getBoolean("recovered"));
            assertEquals("epoch changed", verdict.getString("reason"));
            assertEquals(now.getString("epoch"), verdict.getString("epoch"));
        }
    }

    @Test
    void aDestroyedRoomsHistoryGoesWithItAndTheRoomMadeAgainStartsANewEpoch() throws Exception {
        String room = rooms.newRoom("destroyed");
        JsonObject lastSeen;
        try (TestClient a = connectWithPositions(base)) {
            join(a, room);
            a.request("say", Map.of("room", room, "message", "old"));
            lastSeen = awaitSaid(a, room, "old");
            assertEquals("ok", rooms.op("destroy", room, null, null).body());
            awaitSaid(a, room, "this room has been deleted");
        }
        assertEquals("ok", rooms.op("add", room, null, null).body());
        try (TestClient a = connectWithPositions(base)) {
            JsonObject verdict = rejoin(a, room, lastSeen);
            assertFalse(verdict.getBoolean("recovered"), verdict.toString());
            assertEquals("epoch changed", verdict.getString("reason"));
            JsonObject history = a.request("roomHistory", Map.of("room", room)).getJsonObject("data");
            assertEquals(0, history.getJsonArray("messages").size(), history.toString());
        }
    }

    @Test
    void aRoomWithoutHistoryRefusesRecoveryAndSendsNoPositions() throws Exception {
        String room = "noHistory";
        rooms.ensureRoom(room);
        try (TestClient a = connectWithPositions(base)) {
            join(a, room);
            a.request("say", Map.of("room", room, "message", "plain"));
            assertFalse(awaitSaid(a, room, "plain").containsKey("position"));
            a.request("roomLeave", Map.of("room", room));
            JsonObject verdict = rejoin(a, room, "1-0", "e");
            assertFalse(verdict.getBoolean("recovered"));
            assertEquals("no history", verdict.getString("reason"));
        }
    }

    @Test
    void roomHistoryShowsMembersTheNewestMessagesCappedByTheRoomsSize() throws Exception {
        String room = "historyOfFive";
        rooms.ensureRoom(room);
        try (TestClient a = connectWithPositions(base); TestClient outsider = TestClient.connect(base)) {
            join(a, room);
            sayNumbered(a, room, "h", 7);
            JsonObject reply = a.request("roomHistory", Map.of("room", room, "limit", 1000));
            JsonObject data = reply.getJsonObject("data");
            assertEquals(List.of("h-3", "h-4", "h-5", "h-6", "h-7"), data.getJsonArray("messages").stream()
                    .map(m -> m.asJsonObject().getString("message")).toList());
            String since = data.getJsonArray("messages").getJsonObject(2).getString("position");
            JsonObject after = a.request("roomHistory", Map.of("room", room, "since", since, "limit", 1))
                    .getJsonObject("data");
            assertEquals("h-6", after.getJsonArray("messages").getJsonObject(0).getString("message"));
            assertTrue(after.getBoolean("more"));
            assertError(outsider.request("roomHistory", Map.of("room", room)), "Error: connection not in this room ("
                    + room + ")");
        }
    }
}
