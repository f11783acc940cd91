package io.huddle.cluster;

import io.huddle.config.HistorySettings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The single node's room history: a bounded ring per room, positions {@code <ms>-<seq>} as Redis gives them, and an
 * epoch drawn when the ring is made (so a restarted node has a new one). {@link InMemoryClusterBus} appends and
 * delivers under the ring's lock, so members receive a room's messages in position order. Rings exist only for rooms
 * that exist: a destroyed room's ring is {@link #forget forgotten}, and one made for a room that is gone (a message
 * racing the destroy) is not kept, so memory is bounded by the live rooms, not by every room ever made.
 */
public class InMemoryRoomHistory implements RoomHistory {

    private final Map<String, Ring> rings = new ConcurrentHashMap<>();
    private final Function<String, HistorySettings.Limits> limits;
    private final Predicate<String> roomExists;

    /** A history whose rooms all exist (tests). */
    public InMemoryRoomHistory(Function<String, HistorySettings.Limits> limits) {
        this(limits, room -> true);
    }

    /** A history that keeps a ring only while {@code roomExists} says its room does. */
    public InMemoryRoomHistory(Function<String, HistorySettings.Limits> limits, Predicate<String> roomExists) {
        this.limits = limits;
        this.roomExists = roomExists;
    }

    /** One room's kept messages. Guarded by itself. */
    static final class Ring {
        private final String epoch = newEpoch();
        private final ArrayDeque<Entry> entries = new ArrayDeque<>();
        private long lastMillis;
        private long lastSeq;

        /** Keeps a message and returns it with its position; the caller holds the ring's lock. */
        RoomMessage append(RoomMessage message, int size) {
            long now = System.currentTimeMillis();
            if (now > lastMillis) {
                lastMillis = now;
                lastSeq = 0;
            } else {
                lastSeq++;
            }
            String position = lastMillis + "-" + lastSeq;
            RoomMessage stamped = message.at(new RoomPosition(epoch, position));
            entries.addLast(new Entry(position, stamped));
            while (entries.size() > size) {
                entries.removeFirst();
            }
            return stamped;
        }
    }

    static String newEpoch() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }

    /** The room's limits, for the bus. */
    HistorySettings.Limits limitsFor(String room) {
        return limits.apply(room);
    }

    /**
     * The room's ring, made on first use; its monitor orders appends and deliveries. Whether the room exists is asked
     * only when a ring is made, after it is in the map: a destroy that comes later forgets it, one that came before
     * makes this check fail, so a message racing a destroy leaves nothing behind.
     */
    Ring ring(String room) {
        Ring ring = rings.get(room);
        if (ring != null) {
            return ring;
        }
        Ring made = new Ring();
        ring = rings.putIfAbsent(room, made);
        if (ring != null) {
            return ring;
        }
        if (!roomExists.test(room)) {
            rings.remove(room, made);
        }
        return made;
    }

    @Override
    public void forget(String room) {
        rings.remove(room);
    }

    /** How many rooms have a ring: for tests. */
    int rooms() {
        return rings.size();
    }

    @Override
    public Page read(String room, String after, int limit, HistorySettings.Limits roomLimits) {
        Ring ring = ring(room);
        List<Entry> kept;
        synchronized (ring) {
            kept = new ArrayList<>(ring.entries);
        }
        int from = Math.max(0, kept.size() - roomLimits.size());
        return RoomHistory.page(ring.epoch, kept.subList(from, kept.size()), after, limit, roomLimits.ttlMillis(),
                System.currentTimeMillis());
    }
}
