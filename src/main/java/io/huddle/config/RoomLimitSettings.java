package io.huddle.config;

/**
 * Bounds on rooms as a whole ({@code huddle.chat.maxRooms}, {@code idleRoomTimeout}, {@code listRoomsLimit}), so
 * clients creating rooms cannot fill the heap or Redis, nor make {@code listRooms} answer megabytes.
 *
 * @param maxRooms               rooms in the cluster past which a client's {@code createChatRoom} is refused
 *                               (every room counts; rooms the application creates are never refused)
 * @param idleRoomTimeoutMillis  ms a room a client created may stay empty before it is removed; 0: never
 * @param listRoomsLimit         most room names one {@code listRooms} answer carries
 */
public record RoomLimitSettings(int maxRooms, long idleRoomTimeoutMillis, int listRoomsLimit) {

    static RoomLimitSettings read(SettingsReader settings) {
        return new RoomLimitSettings(settings.intAtLeast("huddle.chat.maxRooms", 1),
                settings.atLeast("huddle.chat.idleRoomTimeout", 0),
                settings.intAtLeast("huddle.chat.listRoomsLimit", 1));
    }
}
