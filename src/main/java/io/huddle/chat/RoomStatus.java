package io.huddle.chat;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.util.Map;

/**
 * What {@code roomView} answers (spec §2.3): members keyed by connection id, or by user in rooms that count users.
 */
@JsonbPropertyOrder({"room", "members", "membersCount"})
public record RoomStatus(String room, Map<String, Map<String, Object>> members, int membersCount) {
}
