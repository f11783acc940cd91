package io.huddle.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rooms ({@code huddle.chat.*}, ActionHero's {@code startingChatRooms}), with per-room overrides from
 * {@code huddle.chat.rooms.<room>.presence} and {@code .presenceView} set in a properties file or as system
 * properties.
 *
 * @param maxRoomNameLength     longest room name, in characters
 * @param maxRoomsPerConnection rooms one connection may be in at once
 * @param startingChatRooms     rooms created at boot
 * @param metadataMaxKeys       keys of a connection's public metadata at most
 * @param metadataMaxBytes      size of a connection's public metadata at most, as JSON
 * @param defaults              what a room gets unless overridden
 * @param perRoom               overrides by room name
 */
public record ChatSettings(int maxRoomNameLength, int maxRoomsPerConnection, List<String> startingChatRooms,
                           int metadataMaxKeys, int metadataMaxBytes, RoomDefaults defaults,
                           Map<String, RoomDefaults> perRoom) {

    private static final String ROOMS = "huddle.chat.rooms.";

    /**
     * What a room is created with.
     *
     * @param presence whether members are told who joins and leaves
     * @param perUser  whether presence and {@code roomView} count users rather than connections
     */
    public record RoomDefaults(boolean presence, boolean perUser) {
    }

    /** The settings a room gets when it is created: its own overrides, or the global ones. */
    public RoomDefaults defaultsFor(String room) {
        return perRoom.getOrDefault(room, defaults);
    }

    static ChatSettings read(SettingsReader settings) {
        RoomDefaults defaults = new RoomDefaults(settings.bool("huddle.chat.presence"),
                perUser(settings, "huddle.chat.presenceView"));
        Map<String, RoomDefaults> perRoom = new HashMap<>();
        for (String key : settings.keysStartingWith(ROOMS)) {
            if (HistorySettings.isHistoryKey(key)) {
                continue; // read by HistorySettings
            }
            int dot = key.lastIndexOf('.');
            String room = key.substring(ROOMS.length(), Math.max(ROOMS.length(), dot));
            String name = key.substring(dot + 1);
            if (room.isEmpty() || !(name.equals("presence") || name.equals("presenceView"))) {
                throw new SettingsReader.InvalidSetting(key + " is not a room setting: use " + ROOMS
                        + "<room>.presence, " + ROOMS + "<room>.presenceView, " + ROOMS + "<room>.history.size or "
                        + ROOMS + "<room>.history.ttl");
            }
            RoomDefaults room0 = perRoom.getOrDefault(room, defaults);
            perRoom.put(room, name.equals("presence")
                    ? new RoomDefaults(settings.bool(key), room0.perUser())
                    : new RoomDefaults(room0.presence(), perUser(settings, key)));
        }
        return new ChatSettings(settings.intAtLeast("huddle.chat.maxRoomNameLength", 1),
                settings.intAtLeast("huddle.chat.maxRoomsPerConnection", 1),
                settings.list("huddle.general.startingChatRooms"),
                settings.intAtLeast("huddle.chat.metadata.maxKeys", 0),
                settings.intAtLeast("huddle.chat.metadata.maxBytes", 0),
                defaults, Map.copyOf(perRoom));
    }

    private static boolean perUser(SettingsReader settings, String key) {
        return settings.oneOf(key, "connections", "users").equals("users");
    }
}
