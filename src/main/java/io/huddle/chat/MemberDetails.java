package io.huddle.chat;

import io.huddle.cluster.Member;
import io.huddle.connection.Connection;

import java.util.Map;

/**
 * ActionHero's two member-detail hooks: what is stored when a connection joins a room
 * ({@code generateMemberDetails}) and what {@code roomView} and presence show of it
 * ({@code sanitizeMemberDetails}). Replace the default with an {@code @Alternative @Priority} bean; to show a
 * display name you need not: set metadata with {@link RoomManager#setMetadata}.
 */
public interface MemberDetails {

    /** The record stored for {@code connection} joining {@code room} on {@code node}. */
    Member generate(Connection connection, String room, String node);

    /** The public view of a stored member. */
    Map<String, Object> sanitize(Member member);
}
