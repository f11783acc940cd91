package io.huddle.chat;

import io.huddle.cluster.RoomPosition;
import io.huddle.connection.Connection;
import io.huddle.connection.FrameTransport;
import io.huddle.connection.OutboundFrame;
import io.huddle.connection.Outbox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recovering connection's frames: missed messages, the verdict, then live ones, each once, whatever order the live
 * copies arrive in around the release.
 */
class RecoveriesTest {

    private final Recoveries recoveries = new Recoveries();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Connection a = connection("a", sent);

    @Test
    void liveMessagesDuringARecoveryFollowTheMissedOnesAndTheVerdictWithoutCopies() {
        Recoveries.Recovery recovery = recoveries.start(a, "r");
        live(a, "r", "1-0");   // kept before the read: the history carries it too
        live(a, "r", "3-0");   // kept after the read
        recoveries.finish("r", recovery, List.of(frame("1-0")), at("1-0"), frame("verdict"));
        live(a, "r", "4-0");
        assertEquals(List.of("1-0", "verdict", "3-0", "4-0"), sent);
        assertFalse(recoveries.active(), "nothing older than a live message can come: the recovery is over");
    }

    @Test
    void aCopyOfARecoveredMessageArrivingAfterTheReleaseIsDroppedUntilANewerOneCame() {
        Recoveries.Recovery recovery = recoveries.start(a, "r");
        recoveries.finish("r", recovery, List.of(frame("1-0"), frame("2-0")), at("2-0"), frame("verdict"));
        assertTrue(recoveries.active(), "copies of 1-0 and 2-0 may still be on their way");
        live(a, "r", "1-0");
        live(a, "r", "2-0");
        live(a, "r", "3-0");
        live(a, "r", "2-0"); // cannot happen after 3-0 on one channel; the tail is over and would not hide it
        assertEquals(List.of("1-0", "2-0", "verdict", "3-0", "2-0"), sent);
        assertFalse(recoveries.active());
    }

    @Test
    void oneRecoveryEndingDoesNotReleaseAnotherConnectionsHeldMessages() {
        List<String> sentToB = new CopyOnWriteArrayList<>();
        Connection b = connection("b", sentToB);
        Recoveries.Recovery first = recoveries.start(a, "r");
        Recoveries.Recovery second = recoveries.start(b, "r");
        recoveries.finish("r", first, List.of(), null, frame("verdict"));
        assertTrue(recoveries.active());
        live(b, "r", "5-0");
        recoveries.finish("r", second, List.of(frame("4-0")), at("4-0"), frame("verdict"));
        assertEquals(List.of("4-0", "verdict", "5-0"), sentToB);
    }

    @Test
    void aRejoinThatFailedPassesOnWhatWasHeldForAConnectionAlreadyInTheRoom() {
        Recoveries.Recovery recovery = recoveries.start(a, "r");
        live(a, "r", "7-0");
        recoveries.finish("r", recovery, List.of(), null, null);
        live(a, "r", "8-0");
        assertEquals(List.of("7-0", "8-0"), sent);
        assertFalse(recoveries.active());
    }

    @Test
    void otherRoomsAndMessagesWithoutAPositionAreNotHeldBack() {
        Recoveries.Recovery recovery = recoveries.start(a, "r");
        live(a, "other", "1-0");
        recoveries.finish("r", recovery, List.of(), at("1-0"), frame("verdict"));
        assertFalse(recoveries.hold(a, "r", null, frame("unkept")));
        assertEquals(List.of("1-0", "verdict"), sent);
    }

    /** What the fan-out does for one recipient of a live message. */
    private void live(Connection to, String room, String position) {
        OutboundFrame frame = frame(position);
        if (!recoveries.active() || !recoveries.hold(to, room, at(position), frame)) {
            to.send(frame);
        }
    }

    private static RoomPosition at(String position) {
        return new RoomPosition("e", position);
    }

    private static OutboundFrame frame(String text) {
        return OutboundFrame.of(text);
    }

    private static Connection connection(String id, List<String> sent) {
        FrameTransport<String> transport = new FrameTransport<>() {
            @Override
            public void send(String socket, OutboundFrame frame, Completion done) {
                sent.add(frame.text());
                done.sent(null);
            }

            @Override
            public void close(String socket, io.huddle.connection.CloseStatus status) {
            }
        };
        return new Connection(id, "fp", Connection.TYPE_WEBSOCKET, "127.0.0.1", 1,
                new Outbox(id, id, transport, 1, 100, 1_000_000));
    }
}
