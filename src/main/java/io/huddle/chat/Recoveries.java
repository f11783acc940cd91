package io.huddle.chat;

import io.huddle.cluster.RoomPosition;
import io.huddle.connection.Connection;
import io.huddle.connection.OutboundFrame;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections rejoining a room with a position, while their missed messages are read: live messages for them are
 * held here until the missed ones went out, then sent behind them, minus those the history already carried. The
 * fan-out asks {@link #active} first, one volatile read, so rooms pay nothing while nobody recovers.
 */
@ApplicationScoped
public class Recoveries {

    private final Map<Key, Recovery> recovering = new ConcurrentHashMap<>();
    private volatile boolean active;

    private record Key(Connection connection, String room) {
    }

    /** Whether any connection of this node is recovering now. */
    boolean active() {
        return active;
    }

    /** Starts holding {@code room}'s live messages for {@code connection}. */
    Recovery start(Connection connection, String room) {
        Recovery recovery = new Recovery(connection);
        recovering.put(new Key(connection, room), recovery);
        active = true;
        return recovery;
    }

    /** Queues a live message for a recovering connection and returns true, or returns false: send it now. */
    boolean hold(Connection connection, String room, RoomPosition position, OutboundFrame frame) {
        Recovery recovery = recovering.get(new Key(connection, room));
        return recovery != null && recovery.hold(position, frame);
    }

    /** Sends what the recovery read, then the live messages held meanwhile, and stops holding. */
    void finish(String room, Recovery recovery, List<OutboundFrame> missed, String lastPosition,
                OutboundFrame verdict) {
        try {
            recovery.release(missed, lastPosition, verdict);
        } finally {
            recovering.remove(new Key(recovery.connection, room), recovery);
            active = !recovering.isEmpty();
        }
    }

    /** One connection's recovery of one room. */
    static final class Recovery {
        private final Connection connection;
        private final List<Held> held = new ArrayList<>();
        private boolean released;

        private record Held(RoomPosition position, OutboundFrame frame) {
        }

        Recovery(Connection connection) {
            this.connection = connection;
        }

        synchronized boolean hold(RoomPosition position, OutboundFrame frame) {
            if (released) {
                return false;
            }
            held.add(new Held(position, frame));
            return true;
        }

        /**
         * Live messages at or before the last one recovered came with the history: they are dropped. Without a
         * verdict the join failed, and so are all of them.
         */
        synchronized void release(List<OutboundFrame> missed, String lastPosition, OutboundFrame verdict) {
            released = true;
            if (verdict == null) {
                held.clear();
                return;
            }
            missed.forEach(connection::send);
            connection.send(verdict);
            for (Held message : held) {
                if (lastPosition == null || message.position() == null
                        || RoomPosition.compare(message.position().position(), lastPosition) > 0) {
                    connection.send(message.frame());
                }
            }
            held.clear();
        }
    }
}
