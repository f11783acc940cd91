package io.huddle.chat;

import io.huddle.cluster.Member;
import io.huddle.cluster.RoomSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns stored members into what clients see: one entry per connection, or, in rooms that count users, one entry
 * per user (its earliest connection's details plus the ids of all its connections).
 */
@ApplicationScoped
public class MemberList {

    @Inject
    MemberDetails details;

    RoomStatus status(String room, RoomSettings settings, Map<String, Member> stored) {
        List<Member> members = new ArrayList<>(stored.values());
        members.sort(Comparator.comparingLong(Member::joinedAt).thenComparing(Member::id));
        Map<String, Map<String, Object>> shown = new LinkedHashMap<>();
        if (!settings.perUser()) {
            members.forEach(member -> shown.put(member.id(), details.sanitize(member)));
            return new RoomStatus(room, shown, shown.size());
        }
        Map<String, List<String>> connectionsByUser = new LinkedHashMap<>();
        for (Member member : members) {
            connectionsByUser.computeIfAbsent(member.user(), user -> {
                shown.put(user, new LinkedHashMap<>(details.sanitize(member)));
                return new ArrayList<>();
            }).add(member.id());
        }
        connectionsByUser.forEach((user, ids) -> shown.get(user).put("connections", ids));
        return new RoomStatus(room, shown, shown.size());
    }
}
