package io.huddle.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Room history ({@code huddle.chat.history.*}): how many recent messages of a room are kept, and for how long, so a
 * client that reconnects gets what it missed and a member can read the recent past. Per-room overrides come from
 * {@code huddle.chat.rooms.<room>.history.size} and {@code .history.ttl}.
 *
 * @param defaults what a room keeps unless overridden
 * @param perRoom  overrides by room name
 */
public record HistorySettings(Limits defaults, Map<String, Limits> perRoom) {

    private static final String ROOMS = "huddle.chat.rooms.";
    static final String SIZE = ".history.size";
    static final String TTL = ".history.ttl";

    /**
     * What one room keeps.
     *
     * @param size       messages kept at most (0: no history, messages carry no position)
     * @param ttlSeconds how long a message stays readable, in seconds
     */
    public record Limits(int size, long ttlSeconds) {

        public boolean enabled() {
            return size > 0;
        }

        public long ttlMillis() {
            return ttlSeconds * 1000;
        }
    }

    /** The limits of one room: its own overrides, or the global ones. */
    public Limits limitsFor(String room) {
        return perRoom.getOrDefault(room, defaults);
    }

    /**
     * Checks that a recovery fits the outbox: it queues up to a room's history size at once, plus its verdict and
     * the live messages that arrived meanwhile, on top of what was already queued; past
     * {@code huddle.websocket.outbox.maxMessages} the client would be closed as too slow by its own recovery. So each
     * size, the global one and every room's, may take at most half the outbox.
     */
    void checkFits(OutboxSettings outbox) {
        int most = outbox.maxMessages() / 2;
        if (defaults.size() > most) {
            throw tooBig("huddle.chat.history.size", defaults.size(), outbox, most);
        }
        perRoom.forEach((room, limits) -> {
            if (limits.size() > most) {
                throw tooBig(ROOMS + room + SIZE, limits.size(), outbox, most);
            }
        });
    }

    private static SettingsReader.InvalidSetting tooBig(String key, int size, OutboxSettings outbox, int most) {
        return new SettingsReader.InvalidSetting(key + " is " + size + ", but a recovery sends up to that many messages"
                + " at once and huddle.websocket.outbox.maxMessages is " + outbox.maxMessages() + ": keep it at most"
                + " half of that (" + most + ") or raise huddle.websocket.outbox.maxMessages");
    }

    /** Whether a per-room key is one of these settings (the chat settings leave them to this record). */
    static boolean isHistoryKey(String key) {
        return key.endsWith(SIZE) || key.endsWith(TTL);
    }

    static HistorySettings read(SettingsReader settings) {
        Limits defaults = new Limits(settings.intAtLeast("huddle.chat.history.size", 0),
                settings.atLeast("huddle.chat.history.ttl", 1));
        Map<String, Limits> perRoom = new HashMap<>();
        for (String key : settings.keysStartingWith(ROOMS)) {
            if (!isHistoryKey(key)) {
                continue;
            }
            boolean size = key.endsWith(SIZE);
            String room = key.substring(ROOMS.length(), key.length() - (size ? SIZE : TTL).length());
            if (room.isEmpty()) {
                throw new SettingsReader.InvalidSetting(key + " names no room: use " + ROOMS + "<room>" + SIZE);
            }
            Limits current = perRoom.getOrDefault(room, defaults);
            perRoom.put(room, size ? new Limits(settings.intAtLeast(key, 0), current.ttlSeconds())
                    : new Limits(current.size(), settings.atLeast(key, 1)));
        }
        return new HistorySettings(defaults, Map.copyOf(perRoom));
    }
}
