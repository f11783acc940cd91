package io.huddle.chat;

import io.huddle.cluster.Member;
import io.huddle.cluster.RoomSettings;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@code roomView} and presence snapshots show of a room's stored members. */
class MemberListTest {

    private static final RoomSettings PER_CONNECTION = new RoomSettings(true, false);
    private static final RoomSettings PER_USER = new RoomSettings(true, true);

    private final MemberList list = new MemberList();

    MemberListTest() {
        list.details = new DefaultMemberDetails();
    }

    @Test
    void anEmptyRoomShowsNoMembers() {
        assertEquals(new RoomStatus("lobby", Map.of(), 0), list.status("lobby", PER_CONNECTION, Map.of()));
        assertEquals(new RoomStatus("lobby", Map.of(), 0), list.status("lobby", PER_USER, Map.of()));
    }

    @Test
    void eachConnectionIsOneEntryInJoinOrderShowingIdJoinTimeUserAndMetadata() {
        Member late = new Member("c-late", 300, "node-a", "u1", Map.of());
        Member early = new Member("c-early", 100, "node-b", "u2", Map.of("name", "Ada"));
        Member sameTimeB = new Member("c-b", 200, "node-a", "u1", Map.of());
        Member sameTimeA = new Member("c-a", 200, "node-a", "u3", Map.of());
        RoomStatus status = list.status("lobby", PER_CONNECTION, stored(late, early, sameTimeB, sameTimeA));

        assertEquals("lobby", status.room());
        assertEquals(4, status.membersCount());
        assertEquals(List.of("c-early", "c-a", "c-b", "c-late"), List.copyOf(status.members().keySet()),
                "by join time, then id");
        assertEquals(entry("c-early", 100, "u2", Map.of("name", "Ada")), status.members().get("c-early"));
        assertEquals(entry("c-late", 300, "u1", null), status.members().get("c-late"), "no metadata, no metadata key");
        assertEquals(List.of("id", "joinedAt", "user", "metadata"), List.copyOf(status.members().get("c-early").keySet()));
    }

    @Test
    void inARoomThatCountsUsersAUserWithManyConnectionsIsOneEntry() {
        Member phone = new Member("c-phone", 200, "node-a", "ada", Map.of("device", "phone"));
        Member laptop = new Member("c-laptop", 100, "node-b", "ada", Map.of("device", "laptop"));
        Member tablet = new Member("c-tablet", 300, "node-a", "ada", Map.of());
        Member bob = new Member("c-bob", 150, "node-a", "bob", Map.of());
        RoomStatus status = list.status("team", PER_USER, stored(phone, laptop, tablet, bob));

        assertEquals(2, status.membersCount());
        assertEquals(List.of("ada", "bob"), List.copyOf(status.members().keySet()), "by each user's first join");
        Map<String, Object> ada = entry("c-laptop", 100, "ada", Map.of("device", "laptop"));
        ada.put("connections", List.of("c-laptop", "c-phone", "c-tablet"));
        assertEquals(ada, status.members().get("ada"), "the earliest connection's details and all connection ids");
        Map<String, Object> bobEntry = entry("c-bob", 150, "bob", null);
        bobEntry.put("connections", List.of("c-bob"));
        assertEquals(bobEntry, status.members().get("bob"));
    }

    @Test
    void theSameMembersCountConnectionsOrUsersAsTheRoomSays() {
        Map<String, Member> stored = stored(new Member("c1", 1, "n", "ada", Map.of()),
                new Member("c2", 2, "n", "ada", Map.of()));
        assertEquals(2, list.status("r", PER_CONNECTION, stored).membersCount());
        assertEquals(1, list.status("r", PER_USER, stored).membersCount());
    }

    private static Map<String, Member> stored(Member... members) {
        Map<String, Member> byId = new LinkedHashMap<>();
        for (Member member : members) {
            byId.put(member.id(), member);
        }
        return byId;
    }

    private static Map<String, Object> entry(String id, long joinedAt, String user, Map<String, Object> metadata) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("id", id);
        shown.put("joinedAt", joinedAt);
        shown.put("user", user);
        if (metadata != null) {
            shown.put("metadata", metadata);
        }
        return shown;
    }
}
