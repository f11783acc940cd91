package io.huddle.connection;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox's queueing rules, against a transport that completes sends only when told to. */
class OutboxTest {

    /** A container whose writes complete when the test says so; it records how its sockets were closed. */
    final class ManualTransport implements FrameTransport<String> {
        final List<OutboundFrame> sent = new ArrayList<>();
        final List<Completion> pending = new ArrayList<>();

        @Override
        public void send(String socket, OutboundFrame frame, Completion done) {
            sent.add(frame);
            pending.add(done);
        }

        @Override
        public void close(String socket, CloseStatus status) {
            closes.add(status);
        }

        void completeOldest() {
            pending.remove(0).sent(null);
        }
    }

    private final List<CloseStatus> closes = new ArrayList<>();
    private final String socket = "test-socket";
    private final ManualTransport transport = new ManualTransport();

    @Test
    void framesLeaveInOrderWithAtMostConcurrentSendsInFlight() {
        Outbox outbox = new Outbox("c1", socket, transport, 2, 100, 1_000_000);
        for (int i = 0; i < 5; i++) {
            assertTrue(outbox.offer("f" + i));
        }
        assertEquals(List.of("f0", "f1"), texts());
        assertEquals(5, outbox.pending());

        transport.completeOldest();
        transport.completeOldest();
        assertEquals(List.of("f0", "f1", "f2", "f3"), texts());
        transport.completeOldest();
        transport.completeOldest();
        transport.completeOldest();
        assertEquals(List.of("f0", "f1", "f2", "f3", "f4"), texts());
        assertTrue(outbox.isDrained());
        assertTrue(closes.isEmpty());
    }

    @Test
    void aClientBeyondTheMessageBoundIsClosedAsTooSlowOnceInFlightFramesComplete() {
        Outbox outbox = new Outbox("c1", socket, transport, 1, 3, 1_000_000);
        assertTrue(outbox.offer("a"));
        assertTrue(outbox.offer("b"));
        assertTrue(outbox.offer("c"));
        assertFalse(outbox.offer("d"), "the fourth pending frame is over the bound");
        assertFalse(outbox.offer("e"), "nothing is taken once the client was found too slow");
        assertTrue(closes.isEmpty(), "not closed under a frame the container is still writing");

        transport.completeOldest();
        assertEquals(1, closes.size());
        assertEquals(Outbox.SLOW_CONSUMER_CLOSE_CODE, closes.get(0).code());
        assertEquals(List.of("a"), texts(), "queued frames of a slow client are dropped, not sent");
    }

    @Test
    void theByteBoundCountsEveryPendingFrame() {
        Outbox outbox = new Outbox("c1", socket, transport, 1, 100, 10);
        assertTrue(outbox.offer("12345"));
        assertTrue(outbox.offer("12345"));
        assertFalse(outbox.offer("1"));
    }

    @Test
    void aSharedFrameIsQueuedAsItIsOnEveryOutbox() {
        ManualTransport other = new ManualTransport();
        Outbox first = new Outbox("c1", socket, transport, 4, 100, 1_000_000);
        Outbox second = new Outbox("c2", socket, other, 4, 100, 1_000_000);
        OutboundFrame frame = OutboundFrame.forRecipients("{\"message\":\"hé\"}", 1000);
        assertTrue(first.offer(frame));
        assertTrue(second.offer(frame));
        assertTrue(transport.sent.get(0) == frame && other.sent.get(0) == frame);
    }

    @Test
    void closeAfterSendsWhatIsQueuedThenTheLastFrameThenCloses() {
        Outbox outbox = new Outbox("c1", socket, transport, 1, 100, 1_000_000);
        outbox.offer("x");
        outbox.closeAfter("bye", new CloseStatus(CloseStatus.NORMAL_CLOSURE, "done"));
        assertFalse(outbox.offer("late"));
        transport.completeOldest();
        assertTrue(closes.isEmpty());
        transport.completeOldest();
        assertEquals(List.of("x", "bye"), texts());
        assertEquals(1, closes.size());
    }

    @Test
    void aFrameForManyHasItsUtf8BytesInOneDirectBufferWithAFreshPositionPerRecipient() {
        OutboundFrame frame = OutboundFrame.forRecipients("{\"m\":\"grüße\"}", 1000);
        assertTrue(frame.shared());
        ByteBuffer one = frame.directUtf8();
        ByteBuffer two = frame.directUtf8();
        assertTrue(one.isDirect());
        byte[] read = new byte[one.remaining()];
        one.get(read);
        assertEquals("{\"m\":\"grüße\"}", new String(read, StandardCharsets.UTF_8));
        assertEquals(read.length, two.remaining(), "reading one view does not move another");
        assertFalse(OutboundFrame.forRecipients("x", 2).shared(), "a few recipients get the plain path");
        assertFalse(OutboundFrame.of("x").shared());
    }

    private List<String> texts() {
        return transport.sent.stream().map(OutboundFrame::text).toList();
    }
}
