package io.huddle.connection;

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
    public static final int SLOW_CONSUMER_CLOSE_CODE = CloseStatus.VIOLATED_POLICY;

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    private static final AtomicIntegerFieldUpdater<Outbox> PENDING_MESSAGES =
            AtomicIntegerFieldUpdater.newUpdater(Outbox.class, "pendingMessages");
    private static final AtomicLongFieldUpdater<Outbox> PENDING_BYTES =
            AtomicLongFieldUpdater.newUpdater(Outbox.class, "pendingBytes");
    private static final AtomicIntegerFieldUpdater<Outbox> IN_FLIGHT =
            AtomicIntegerFieldUpdater.newUpdater(Outbox.class, "inFlight");
    private static final AtomicIntegerFieldUpdater<Outbox> DRAINING =
            AtomicIntegerFieldUpdater.newUpdater(Outbox.class, "draining");

    /** For the log: the connection's id. */
    private final String id;
    /** The container's session; typed by the constructor, which ties it to {@link #transport}. */
    private final Object socket;
    private final FrameTransport<Object> transport;
    private final int concurrentSends;
    private final int maxMessages;
    private final long maxBytes;

    private final Queue<OutboundFrame> queue = new ConcurrentLinkedQueue<>();
    private volatile int pendingMessages;
    private volatile long pendingBytes;
    private volatile int inFlight;
    /** 1 while a thread hands frames to the container. */
    private volatile int draining;
    private volatile CloseStatus closeWhenDrained;
    private volatile boolean closed;

    /**
     * @param id        the connection's id, for the log
     * @param socket    the container's session of this connection, which {@code transport} sends on and closes
     */
    @SuppressWarnings("unchecked") // the signature ties socket to transport: the pair is only used together
    public <S> Outbox(String id, S socket, FrameTransport<S> transport, int concurrentSends, int maxMessages,
                      long maxBytes) {
        this.id = id;
        this.socket = socket;
        this.transport = (FrameTransport<Object>) transport;
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
    public void closeAfter(String lastFrame, CloseStatus reason) {
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
            transport.send(socket, frame, failure -> sent(frame, failure));
        } catch (RuntimeException e) { // the contract says it does not throw; a container may still
            sent(frame, e);
        }
    }

    private void sent(OutboundFrame frame, Throwable failure) {
        IN_FLIGHT.decrementAndGet(this);
        PENDING_MESSAGES.decrementAndGet(this);
        PENDING_BYTES.addAndGet(this, -frame.length());
        if (failure != null) {
            LOG.log(Level.FINE, "send failed on {0}: {1}", new Object[]{id, failure});
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
                new Object[]{id, messages, bytes});
        OutboundFrame dropped;
        while ((dropped = queue.poll()) != null) {
            PENDING_MESSAGES.decrementAndGet(this);
            PENDING_BYTES.addAndGet(this, -dropped.length());
        }
        closeWhenDrained = new CloseStatus(SLOW_CONSUMER_CLOSE_CODE,
                "client too slow: more than " + maxMessages + " messages or " + maxBytes + " bytes pending");
        drain();
    }

    /**
     * Closes now, dropping whatever is queued: for a client that is gone (missed heartbeat). A client already found
     * too slow is told that, the real reason.
     */
    public void abort(CloseStatus reason) {
        queue.clear();
        CloseStatus pending = closeWhenDrained;
        close(pending != null ? pending : reason);
    }

    private void close(CloseStatus reason) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            transport.close(socket, reason);
        } catch (RuntimeException e) { // the contract says it does not throw; a container may still
            LOG.log(Level.FINE, "close failed on " + id, e);
        }
    }
}
