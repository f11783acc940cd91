package io.huddle.cluster;

import jakarta.json.JsonValue;

/**
 * What travels on a room's channel: a chat message ({@link #CHAT}) or a membership change ({@link #PRESENCE}).
 * Serialized once per message with JSON-B when it crosses nodes.
 *
 * @param type      {@link #CHAT} or {@link #PRESENCE}
 * @param room      the room
 * @param from      sender connection id, {@code "0"} for the server (chat)
 * @param message   the chat message: a string from clients, any JSON from server broadcasts (chat)
 * @param sentAt    ms epoch
 * @param event     {@code join}, {@code leave} or {@code update} (presence)
 * @param member    the member that joined, left or changed (presence)
 * @param origin    the node that published it
 */
public record RoomEnvelope(String type, String room, String from, JsonValue message, long sentAt, String event,
                           Member member, String origin) {

    public static final String CHAT = "chat";
    public static final String PRESENCE = "presence";

    public static RoomEnvelope chat(String room, String from, JsonValue message, long sentAt, String origin) {
        return new RoomEnvelope(CHAT, room, from, message, sentAt, null, null, origin);
    }

    public static RoomEnvelope presence(String room, String event, Member member, String origin) {
        return new RoomEnvelope(PRESENCE, room, null, null, System.currentTimeMillis(), event, member, origin);
    }
}
