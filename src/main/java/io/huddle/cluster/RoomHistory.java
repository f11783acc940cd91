package io.huddle.cluster;

import io.huddle.config.HistorySettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The recent messages of each room, as kept by the {@link ClusterBus} when it publishes a message that is
 * {@link RoomMessage#kept() kept}: in memory on a single node, in a Redis stream per room in a cluster (the same
 * positions on every node). A room's history is its newest {@code size} messages that are younger than its
 * {@code ttl}; reads never return more. Reads are synchronous and bounded by the Redis timeout; they throw
 * {@link ClusterUnavailable} when Redis does not answer.
 */
public interface RoomHistory {

    /**
     * At most {@code limit} messages of {@code room} after position {@code after}, oldest first, each carrying its
     * {@link RoomPosition}; with {@code after} null the newest {@code limit}. Creates the room's epoch if it has none
     * yet, so a reader always learns the epoch later messages will carry.
     */
    Page read(String room, String after, int limit, HistorySettings.Limits limits);

    /**
     * Drops the history of a room that was destroyed, so what is kept is bounded by the rooms that exist: a room
     * made again under the same name starts a new epoch (a client holding a position of the old room is told
     * {@code epoch changed}). Throws {@link ClusterUnavailable} when Redis does not answer; the keys then expire on
     * their own (see {@link RedisRoomHistory}).
     */
    void forget(String room);

    /**
     * A read: the history's epoch, the messages, whether they follow {@code after} with nothing missing between
     * ({@code complete}; false when what came right after it is no longer kept: trimmed past the size, older than the
     * ttl, or an unknown position; the messages are then the young ones kept), whether more messages follow the
     * last one returned ({@code more}), and the position of the newest message kept ({@code newest}, null if none).
     */
    record Page(String epoch, List<RoomMessage> messages, boolean complete, boolean more, String newest) {
    }

    /** A kept message and its position. */
    record Entry(String position, RoomMessage message) {
    }

    /**
     * The page for a read over {@code kept}, the room's newest {@code size} entries oldest first: the one rule both
     * stores share.
     */
    static Page page(String epoch, List<Entry> kept, String after, int limit, long ttlMillis, long now) {
        long oldest = now - ttlMillis;
        String newest = kept.isEmpty() ? null : kept.get(kept.size() - 1).position();
        List<Entry> young = new ArrayList<>();
        for (Entry entry : kept) {
            if (RoomPosition.millis(entry.position()) >= oldest) {
                young.add(entry);
            }
        }
        if (after == null) {
            return new Page(epoch, messages(young.subList(Math.max(0, young.size() - limit), young.size())), true,
                    false, newest);
        }
        int at = -1;
        for (int i = 0; i < kept.size(); i++) {
            if (kept.get(i).position().equals(after)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            boolean nothingNewer;
            try {
                nothingNewer = newest == null || RoomPosition.compare(after, newest) >= 0;
            } catch (IllegalArgumentException e) {
                nothingNewer = false;
            }
            return nothingNewer ? new Page(epoch, List.of(), true, false, newest) : gap(epoch, young, limit, newest);
        }
        List<Entry> newer = kept.subList(at + 1, kept.size());
        if (!newer.isEmpty() && RoomPosition.millis(newer.get(0).position()) < oldest) {
            return gap(epoch, young, limit, newest); // what came next is past the ttl
        }
        return new Page(epoch, messages(newer.subList(0, Math.min(limit, newer.size()))), true, newer.size() > limit,
                newest);
    }

    private static Page gap(String epoch, List<Entry> young, int limit, String newest) {
        return new Page(epoch, messages(young.subList(0, Math.min(limit, young.size()))), false,
                young.size() > limit, newest);
    }

    private static List<RoomMessage> messages(List<Entry> entries) {
        List<RoomMessage> messages = new ArrayList<>(entries.size());
        entries.forEach(entry -> messages.add(entry.message()));
        return List.copyOf(messages);
    }
}
