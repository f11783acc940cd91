package io.huddle.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Bounds that keep one client from taking what others need ({@code huddle.limits.*}): the queue of one connection
 * and the rates of its token buckets (the connection caps are {@link ConnectionCapSettings}), each {@code huddle.limits.<name>.rate} (tokens per second, 0 = no limit) and
 * {@code .burst} (what a client may use at once after a quiet while).
 *
 * @param queuedEvents events one websocket connection may have waiting to be served (room verbs, {@code say},
 *                     {@code quit}); past it each further one is answered at once with ActionHero's
 *                     {@code you have too many pending requests}
 * @param frames       every inbound websocket frame but the heartbeat's pong
 * @param say          {@code say} on one connection, in rooms without their own rate
 * @param actions      {@code action}, {@code file} and {@code documentation} on one connection; over {@code /api},
 *                     per fingerprint (else address)
 * @param roomVerbs    {@code roomAdd}, {@code roomLeave}, {@code roomView} and {@code roomHistory} on one connection
 * @param roomCreate   {@code createChatRoom} calls of one connection (or {@code /api} client)
 * @param metadata     {@code setMetadata} calls of one connection (each is announced in every room it is in)
 * @param hammering    refusals one connection may collect before it is closed ({@code rate}: how many a second are
 *                     forgiven)
 * @param sayPerRoom   {@code huddle.limits.say.rooms.<room>.rate/.burst}: a room's own say rate, instead of
 *                     {@code say}
 * @param apiAddress   every {@code /api} request from one client address, whatever fingerprint it carries
 * @param apiClients   {@code /api} clients (fingerprints or addresses) whose buckets are remembered at most
 */
public record LimitSettings(int queuedEvents, Rate frames, Rate say, Rate actions, Rate roomVerbs, Rate roomCreate,
                            Rate metadata, Rate hammering, Map<String, Rate> sayPerRoom, int apiClients,
                            Rate apiAddress) {

    static final String PREFIX = "huddle.limits.";
    private static final String SAY_ROOMS = PREFIX + "say.rooms.";
    private static final double MAX_RATE = 1_000_000_000;

    /**
     * A token bucket's size: {@code burst} tokens at most, refilled at {@code perSecond} (may be a fraction: 0.2 is
     * one token every 5 s); a rate of 0 switches the bucket off.
     */
    public record Rate(double perSecond, long burst) {

        public static final Rate OFF = new Rate(0, 1);

        public boolean isOff() {
            return perSecond == 0;
        }

        /** Nanoseconds in which the bucket refills from empty to {@code burst}. */
        public long refillNanos() {
            return Math.max(1, Math.round(burst * 1e9 / perSecond));
        }
    }

    static LimitSettings read(SettingsReader settings) {
        Rate say = rate(settings, "say");
        return new LimitSettings(settings.intAtLeast(PREFIX + "queuedEvents", 1),
                rate(settings, "frames"), say, rate(settings, "actions"), rate(settings, "roomVerbs"),
                rate(settings, "roomCreate"), rate(settings, "metadata"), rate(settings, "hammering"),
                sayPerRoom(settings, say), settings.intAtLeast(PREFIX + "apiClients", 1), rate(settings, "apiAddress"));
    }

    private static Rate rate(SettingsReader settings, String name) {
        return new Rate(settings.between(PREFIX + name + ".rate", 0, MAX_RATE),
                settings.atLeast(PREFIX + name + ".burst", 1));
    }

    /** Per-room keys name the room between the prefix and {@code .rate}/{@code .burst}; room names may hold dots. */
    private static Map<String, Rate> sayPerRoom(SettingsReader settings, Rate say) {
        Map<String, Rate> perRoom = new HashMap<>();
        for (String key : settings.keysStartingWith(SAY_ROOMS)) {
            int dot = key.lastIndexOf('.');
            String room = key.substring(SAY_ROOMS.length(), Math.max(SAY_ROOMS.length(), dot));
            String name = key.substring(dot + 1);
            if (room.isEmpty() || !(name.equals("rate") || name.equals("burst"))) {
                throw new SettingsReader.InvalidSetting(key + " is not a room's say rate: use " + SAY_ROOMS
                        + "<room>.rate or " + SAY_ROOMS + "<room>.burst");
            }
            Rate known = perRoom.getOrDefault(room, say);
            perRoom.put(room, name.equals("rate")
                    ? new Rate(settings.between(key, 0, MAX_RATE), known.burst())
                    : new Rate(known.perSecond(), settings.atLeast(key, 1)));
        }
        return Map.copyOf(perRoom);
    }
}
