package io.huddle.chat;

import io.huddle.cluster.RoomPosition;
import io.huddle.connection.Connection;
import io.huddle.connection.OutboundFrame;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Connections rejoining a room with a position, while their missed messages are read: live messages for them are
 * held here until the missed ones went out, then sent behind them, minus those the history already carried. The
 * fan-out asks {@link #active} first (the map's emptiness: two volatile reads), so rooms pay nothing while nobody
 * recovers.
 *
 * <p>A recovery outlives its release as a short <em>tail</em>: in a cluster a message kept before the history was
 * read can still be on its way to this node over pub/sub (another connection, another thread) when the missed
 * messages have gone out; the tail drops such a late copy (its position is at or before the last one recovered).
 * It ends at the first live message past that position — nothing older can follow it, the channel delivers in
 * stream order — or after {@link #TAIL_NANOS}, when it is swept.
 */
@ApplicationScoped
public class Recoveries {

    /**
     * How long a tail waits for a live message past the recovered position. A late copy is one pub/sub hop behind
     * the read that made it late (milliseconds); ten seconds also covers a node that is briefly overloaded, and
     * keeps the fan-out's lookups short-lived after a storm of reconnections into quiet rooms.
     */
    static final long TAIL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Map<Key, Recovery> recovering = new ConcurrentHashMap<>();
    private volatile long nextSweep;

    private record Key(Connection connection, String room) {
    }

    /**
     * Whether any connection of this node is recovering now (or in its tail). Computed from the map, never cached
     * in a flag: a flag cleared by one recovery that finishes while another starts would let the new one's live
     * messages overtake its missed ones.
     */
    boolean active() {
        return !recovering.isEmpty();
    }

    /** Starts holding {@code room}'s live messages for {@code connection}. */
    Recovery start(Connection connection, String room) {
        Recovery recovery = new Recovery(connection);
        recovering.put(new Key(connection, room), recovery);
        return recovery;
    }

    /**
     * Queues a live message for a recovering connection, or drops it as a late copy of one it recovered, and returns
     * true; or returns false: send it now.
     */
    boolean hold(Connection connection, String room, RoomPosition position, OutboundFrame frame) {
        sweepSometimes();
        Key key = new Key(connection, room);
        Recovery recovery = recovering.get(key);
        if (recovery == null) {
            return false;
        }
        boolean handled = recovery.hold(position, frame);
        if (recovery.ended()) {
            recovering.remove(key, recovery);
        }
        return handled;
    }

    /** Sends what the recovery read, then the live messages held meanwhile, and goes on as a tail if it must. */
    void finish(String room, Recovery recovery, List<OutboundFrame> missed, RoomPosition lastPosition,
                OutboundFrame verdict) {
        try {
            recovery.release(missed, lastPosition, verdict);
        } finally {
            if (recovery.ended()) {
                recovering.remove(new Key(recovery.connection, room), recovery);
            }
        }
    }

    /** How many recoveries and tails are open: for tests. */
    int open() {
        return recovering.size();
    }

    /** Removes tails past their time, at most once a second, and only while some recovery is open. */
    private void sweepSometimes() {
        long now = System.nanoTime();
        if (now - nextSweep < 0) {
            return;
        }
        nextSweep = now + TimeUnit.SECONDS.toNanos(1);
        recovering.values().removeIf(recovery -> recovery.expired(now));
    }

    /** One connection's recovery of one room. */
    static final class Recovery {
        private final Connection connection;
        private final List<Held> held = new ArrayList<>();
        private boolean released;
        /** After the release: the last position recovered; live copies at or before it are dropped. */
        private RoomPosition floor;
        /** The newest position seen live while holding. */
        private RoomPosition newestHeld;
        private long tailEnds;
        private volatile boolean ended;

        private record Held(RoomPosition position, OutboundFrame frame) {
        }

        Recovery(Connection connection) {
            this.connection = connection;
        }

        synchronized boolean hold(RoomPosition position, OutboundFrame frame) {
            if (!released) {
                held.add(new Held(position, frame));
                if (position != null) {
                    newestHeld = position;
                }
                return true;
            }
            if (ended || position == null) {
                return false;
            }
            if (isCopy(position, floor)) {
                return true;
            }
            ended = true; // past the floor: the channel brings nothing older after this
            return false;
        }

        /**
         * Sends the missed messages, the verdict, then the live messages held meanwhile that are newer than the last
         * one recovered ({@code lastPosition}, null when nothing was recovered: then every held message is sent).
         * Without a verdict the join failed: a connection that was refused got no live message, one that was already
         * a member gets those held meanwhile, as they came.
         */
        synchronized void release(List<OutboundFrame> missed, RoomPosition lastPosition, OutboundFrame verdict) {
            released = true;
            if (verdict == null) {
                held.forEach(message -> connection.send(message.frame()));
                held.clear();
                ended = true;
                return;
            }
            missed.forEach(connection::send);
            connection.send(verdict);
            for (Held message : held) {
                if (lastPosition == null || message.position() == null || !isCopy(message.position(), lastPosition)) {
                    connection.send(message.frame());
                }
            }
            held.clear();
            // nothing older than a live message can follow it: once one at or past the last recovered was seen,
            // no late copy is on its way (and none can be when nothing was recovered)
            boolean caughtUp = newestHeld != null && lastPosition != null
                    && (!newestHeld.epoch().equals(lastPosition.epoch()) || isCopy(lastPosition, newestHeld));
            if (lastPosition == null || caughtUp) {
                ended = true;
            } else {
                floor = lastPosition;
                tailEnds = System.nanoTime() + TAIL_NANOS;
            }
        }

        /** Whether a live message at {@code position} is one the history already carried (at or before {@code last}). */
        private static boolean isCopy(RoomPosition position, RoomPosition last) {
            return position.epoch().equals(last.epoch())
                    && RoomPosition.compare(position.position(), last.position()) <= 0;
        }

        boolean ended() {
            return ended;
        }

        synchronized boolean expired(long now) {
            return ended || released && now - tailEnds > 0;
        }
    }
}
