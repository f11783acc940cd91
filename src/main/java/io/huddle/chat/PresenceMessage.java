package io.huddle.chat;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.Map;

/**
 * A presence push (context {@code presence}): {@code snapshot} (to a joiner: every member) or {@code join},
 * {@code leave}, {@code update} (to the others: one member). A stock ActionHero client only raises its generic
 * {@code message} event for it.
 */
@JsonbPropertyOrder({"context", "event", "room", "member", "members", "membersCount"})
public record PresenceMessage(String context, String event, String room, Map<String, Object> member,
                              Map<String, Map<String, Object>> members, Integer membersCount) {

    public static final String CONTEXT = "presence";

    static PresenceMessage change(String event, String room, Map<String, Object> member) {
        return new PresenceMessage(CONTEXT, event, room, member, null, null);
    }

    static PresenceMessage snapshot(RoomStatus status) {
        return new PresenceMessage(CONTEXT, "snapshot", status.room(), null, status.members(), status.membersCount());
    }
}
