package io.huddle.cluster;

/**
 * Per-room choices, stored with the room so every node sees them.
 *
 * @param presence whether members are told who joins and leaves
 * @param perUser  whether presence and {@code roomView} count users (all connections of one user are one entry)
 *                 rather than connections
 */
public record RoomSettings(boolean presence, boolean perUser) {
}
