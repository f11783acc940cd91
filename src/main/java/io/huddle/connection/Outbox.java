package io.huddle.connection;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The outbound queue of one connection: frames go out through a {@link FrameTransport}, in order, with at most
 * {@code concurrentSends} in flight; a connection whose pending frames exceed the bound is closed as too slow,
 * so one stalled client can never grow the heap or slow anyone else down.
 *
 * <p>Thread-safe and lock-free: any thread may {@link #offer} at any time; the thread that wins the
 * {@code draining} flag hands frames to the container, so frames leave in the order they were queued.
 *
 * <p>There is one per connection, held for the connection's life: its counters are plain volatile fields updated
 * through static field updaters rather than four {@code Atomic*} objects, 70 bytes less per idle connection.
 */
public final class Outbox {

    /** Policy violation: the client did not read its frames fast enough. */
    public static final int SLOW_CONSUMER_CLOSE_CODE = 1008;

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private static final AtomicIntegerFieldUpdater<Outbox> PENDING_MESSAGES =
            AtomicIntegerFieldUpdater.newUpdater(Outbox.class, "pendingMessages");
    private static final AtomicLongFieldUpdater<Outbox> PENDING_BYTES =
            AtomicLongFieldUpdater.newUpdater(Outbox.class, "pendingBytes");
    private static final AtomicIntegerFieldUpdater<Outbox> IN_FLIGHT =
            AtomicIntegerFieldUpdater.newUpdater(Outbox.class, "inFlight");
    private static final AtomicIntegerFieldUpdater<Outbox> DRAINING =
            AtomicIntegerFieldUpdater.newUpdater(Outbox.class, "draining");

    private final Session session;
    private final FrameTransport transport;
    private final int concurrentSends;
    private final int maxMessages;
    private final long maxBytes;

    private final Queue<OutboundFrame> queue = new ConcurrentLinkedQueue<>();
    private volatile int pendingMessages;
    private volatile long pendingBytes;
    private volatile int inFlight;
    /** 1 while a thread hands frames to the container. */
    private volatile int draining;
    private volatile CloseReason closeWhenDrained;
    private volatile boolean closed;

    public Outbox(Session session, FrameTransport transport, int concurrentSends, int maxMessages, long maxBytes) {
        this.session = session;
        this.transport = transport;
        this.concurrentSends = Math.max(1, concurrentSends);
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Queues one encoded frame; returns false if the connection is closing or was just closed as too slow. */
    public boolean offer(String frame) {
        return offer(OutboundFrame.of(frame));
    }

    /** Queues a frame that may be queued on other outboxes too; false as {@link #offer(String)}. */
    public boolean offer(OutboundFrame frame) {
        if (closed || closeWhenDrained != null) {
            return false;
        }
        int messages = PENDING_MESSAGES.incrementAndGet(this);
        long bytes = PENDING_BYTES.addAndGet(this, frame.length());
        if (messages > maxMessages || bytes > maxBytes) {
            PENDING_MESSAGES.decrementAndGet(this);
            PENDING_BYTES.addAndGet(this, -frame.length());
            closeSlowConsumer(messages, bytes);
            return false;
        }
        queue.add(frame);
        drain();
        return true;
    }

    /** Sends what is queued, then {@code lastFrame} (if any), then closes the socket with {@code reason}. */
    public void closeAfter(String lastFrame, CloseReason reason) {
        if (closed || closeWhenDrained != null) {
            return;
        }
        if (lastFrame != null) {
            PENDING_MESSAGES.incrementAndGet(this);
            PENDING_BYTES.addAndGet(this, lastFrame.length());
            queue.add(OutboundFrame.of(lastFrame));
        }
        closeWhenDrained = reason;
        drain();
    }

    /** Frames queued or in flight: how far behind this client is. */
    public int pending() {
        return pendingMessages;
    }

    public boolean isDrained() {
        return pendingMessages == 0;
    }

    private void drain() {
        do {
            if (!DRAINING.compareAndSet(this, 0, 1)) {
                return; // the thread holding the flag re-checks after releasing it
            }
            try {
                OutboundFrame next;
                while (!closed && inFlight < concurrentSends && (next = queue.poll()) != null) {
                    IN_FLIGHT.incrementAndGet(this);
                    send(next);
                }
                if (readyToClose()) {
                    close(closeWhenDrained);
                }
            } finally {
                draining = 0;
            }
        } while (!closed && (canSendMore() || readyToClose()));
    }

    private boolean canSendMore() {
        return !queue.isEmpty() && inFlight < concurrentSends;
    }

    private boolean readyToClose() {
        return !closed && closeWhenDrained != null && pendingMessages == 0;
    }

    private void send(OutboundFrame frame) {
        try {
            transport.send(session, frame, result -> sent(frame, result));
        } catch (RuntimeException e) { // the contract says it does not throw; a container may still
            sent(frame, new SendResult(e));
        }
    }

    private void sent(OutboundFrame frame, SendResult result) {
        IN_FLIGHT.decrementAndGet(this);
        PENDING_MESSAGES.decrementAndGet(this);
        PENDING_BYTES.addAndGet(this, -frame.length());
        if (!result.isOK()) {
            LOG.log(Level.FINE, "send failed on {0}: {1}", new Object[]{session.getId(), result.getException()});
            closed = true;
            queue.clear();
            return;
        }
        drain();
    }

    /**
     * Gives up on a client that does not read: drops what is queued and closes once the sends already handed to
     * the container complete (closing under a half-written frame would corrupt the stream on some containers).
     * A client that never reads again is closed by the heartbeat through {@link #abort}.
     */
    private void closeSlowConsumer(int messages, long bytes) {
        LOG.log(Level.INFO, "closing slow consumer {0}: {1} frames / {2} bytes pending",
                new Object[]{session.getId(), messages, bytes});
        OutboundFrame dropped;
        while ((dropped = queue.poll()) != null) {
            PENDING_MESSAGES.decrementAndGet(this);
            PENDING_BYTES.addAndGet(this, -dropped.length());
        }
        closeWhenDrained = new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                "client too slow: more than " + maxMessages + " messages or " + maxBytes + " bytes pending");
        drain();
    }

    /**
     * Closes now, dropping whatever is queued: for a client that is gone (missed heartbeat). A client already found
     * too slow is told that, the real reason.
     */
    public void abort(CloseReason reason) {
        queue.clear();
        CloseReason pending = closeWhenDrained;
        close(pending != null ? pending : reason);
    }

    private void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "close failed on " + session.getId(), e);
        }
    }
}
