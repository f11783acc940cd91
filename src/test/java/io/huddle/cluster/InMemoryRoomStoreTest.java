package io.huddle.cluster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The single-node room store keeps {@link RoomStore}'s contract. */
class InMemoryRoomStoreTest {

    private static final RoomSettings PRESENCE = new RoomSettings(true, false);
    private static final RoomSettings QUIET_PER_USER = new RoomSettings(false, true);

    private final RoomStore store = new InMemoryRoomStore();

    @Test
    void aRoomIsCreatedOnceAndKeepsItsFirstSettings() {
        assertTrue(store.create("lobby", PRESENCE));
        assertFalse(store.create("lobby", QUIET_PER_USER));
        assertTrue(store.exists("lobby"));
        assertEquals(PRESENCE, store.settings("lobby"));
        assertEquals(Set.of("lobby"), store.rooms());
    }

    @Test
    void aMissingRoomHasNoSettingsNoMembersAndTakesNoChanges() {
        assertFalse(store.exists("nowhere"));
        assertNull(store.settings("nowhere"));
        assertEquals(Map.of(), store.members("nowhere"));
        assertFalse(store.updateSettings("nowhere", PRESENCE));
        assertEquals(0, store.addMember("nowhere", member("c1", "ada")), "nothing stored in a missing room");
        assertFalse(store.updateMember("nowhere", member("c1", "ada")));
        assertNull(store.removeMember("nowhere", "c1"));
        assertFalse(store.delete("nowhere"));
        assertEquals(Set.of(), store.rooms());
    }

    @Test
    void settingsCanBeChanged() {
        store.create("lobby", PRESENCE);
        assertTrue(store.updateSettings("lobby", QUIET_PER_USER));
        assertEquals(QUIET_PER_USER, store.settings("lobby"));
    }

    @Test
    void deletingARoomForgetsItsMembers() {
        store.create("lobby", PRESENCE);
        store.addMember("lobby", member("c1", "ada"));
        assertTrue(store.delete("lobby"));
        assertFalse(store.exists("lobby"));
        assertEquals(Map.of(), store.members("lobby"));
        assertTrue(store.create("lobby", PRESENCE), "the name is free again");
        assertEquals(Map.of(), store.members("lobby"));
    }

    @Test
    void addingCountsTheUsersConnectionsInTheRoom() {
        store.create("lobby", PRESENCE);
        assertEquals(1, store.addMember("lobby", member("c1", "ada")), "ada's first connection");
        assertEquals(2, store.addMember("lobby", member("c2", "ada")));
        assertEquals(1, store.addMember("lobby", member("c3", "bob")));
        assertEquals(Set.of("c1", "c2", "c3"), store.members("lobby").keySet());
    }

    @Test
    void addingAnIdAgainReplacesItsRecordWithoutCountingTwice() {
        store.create("lobby", PRESENCE);
        store.addMember("lobby", member("c1", "ada"));
        Member again = new Member("c1", 99, "node-a", "ada", Map.of("name", "Ada"));
        assertEquals(1, store.addMember("lobby", again));
        assertEquals(Map.of("c1", again), store.members("lobby"));
        assertEquals(0, store.removeMember("lobby", "c1").remaining(), "one connection, gone");
    }

    @Test
    void updatingReplacesAnExistingMembersRecordOnly() {
        store.create("lobby", PRESENCE);
        store.addMember("lobby", member("c1", "ada"));
        Member named = new Member("c1", 1, "node-a", "ada", Map.of("name", "Ada"));
        assertTrue(store.updateMember("lobby", named));
        assertEquals(named, store.members("lobby").get("c1"));
        assertFalse(store.updateMember("lobby", member("c9", "eve")), "not a member");
        assertEquals(Set.of("c1"), store.members("lobby").keySet());
    }

    @Test
    void removingReturnsTheRecordAndHowManyOfTheUsersConnectionsRemain() {
        store.create("lobby", PRESENCE);
        Member first = member("c1", "ada");
        store.addMember("lobby", first);
        store.addMember("lobby", member("c2", "ada"));
        assertEquals(new RoomStore.Departure(first, 1), store.removeMember("lobby", "c1"));
        assertEquals(0, store.removeMember("lobby", "c2").remaining(), "ada's last connection left");
        assertNull(store.removeMember("lobby", "c2"), "not a member any more");
        assertEquals(Map.of(), store.members("lobby"));
    }

    @Test
    void membersIsASnapshotThatLaterChangesDoNotAlter() {
        store.create("lobby", PRESENCE);
        store.addMember("lobby", member("c1", "ada"));
        Map<String, Member> before = store.members("lobby");
        store.addMember("lobby", member("c2", "bob"));
        assertEquals(Set.of("c1"), before.keySet());
    }

    @Test
    void concurrentJoinsOfOneUserEachGetTheirOwnCount() throws Exception {
        store.create("lobby", PRESENCE);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String id = "c" + i;
                counts.add(threads.submit(() -> store.addMember("lobby", member(id, "ada"))));
            }
            Set<Integer> seen = new java.util.TreeSet<>();
            for (Future<Integer> count : counts) {
                seen.add(count.get());
            }
            assertEquals(200, seen.size(), "no two joins saw the same count");
            assertEquals(200, store.members("lobby").size());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void oneNodeHasNoMembershipsOfOtherNodesToCleanUp() {
        store.create("lobby", PRESENCE);
        store.addMember("lobby", member("c1", "ada"));
        assertEquals(Map.of(), store.membershipsOf("node-a"));
        store.forgetNode("node-a");
        assertEquals(Set.of("c1"), store.members("lobby").keySet(), "forgetting a node leaves rooms alone");
    }

    // ---- the room cap and expiring rooms

    @Test
    void expiringRoomsStopAtTheCapCountingEveryRoom() {
        store.create("defaultRoom", PRESENCE);
        assertEquals(RoomStore.Creation.CREATED, store.createExpiring("a", PRESENCE, 3));
        assertEquals(RoomStore.Creation.EXISTS, store.createExpiring("a", QUIET_PER_USER, 3));
        assertEquals(RoomStore.Creation.CREATED, store.createExpiring("b", PRESENCE, 3));
        assertEquals(RoomStore.Creation.AT_LIMIT, store.createExpiring("c", PRESENCE, 3));
        assertEquals(RoomStore.Creation.EXISTS, store.createExpiring("b", PRESENCE, 3), "an existing room at the cap");
        assertTrue(store.create("app", PRESENCE), "the application's rooms are not capped");
        assertEquals(4, store.roomCount());
        assertEquals(PRESENCE, store.settings("a"), "kept its first settings");
        store.delete("a");
        store.delete("app");
        assertEquals(RoomStore.Creation.CREATED, store.createExpiring("c", PRESENCE, 3), "a freed place is taken");
    }

    @Test
    void concurrentCreatorsNeverPassTheCap() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<RoomStore.Creation>> results = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                String room = "r" + i;
                results.add(threads.submit(() -> store.createExpiring(room, PRESENCE, 100)));
            }
            int created = 0;
            for (Future<RoomStore.Creation> result : results) {
                created += result.get() == RoomStore.Creation.CREATED ? 1 : 0;
            }
            assertEquals(100, created);
            assertEquals(100, store.roomCount());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBoundedListReadsAtMostTheLimit() {
        for (int i = 0; i < 50; i++) {
            store.create("r" + i, PRESENCE);
        }
        assertEquals(10, store.rooms(10).size());
        assertEquals(store.rooms(), store.rooms(50));
        assertEquals(store.rooms(), store.rooms(1000));
    }

    @Test
    void anExpiringRoomIsClaimedOnceItsIdleClockIsOldAndOnlyOnce() {
        long[] now = {1_000};
        RoomStore timed = new InMemoryRoomStore(() -> now[0]);
        timed.createExpiring("idle", PRESENCE, 10);
        timed.create("starting", PRESENCE);
        assertEquals(List.of(), timed.claimIdle(999, 1_500, 10), "its clock started at 1000");
        assertEquals(List.of("idle"), timed.claimIdle(1_000, 1_500, 10));
        assertEquals(List.of(), timed.claimIdle(1_000, 1_600, 10), "the claim restarted its clock");
        assertTrue(timed.releaseIdle("idle", 1_500));
        assertEquals(List.of(), timed.claimIdle(Long.MAX_VALUE, 2_000, 10), "released: never claimed again");
    }

    @Test
    void theLastMemberLeavingRestartsTheClockSoAClaimBeforeItCannotBeReleased() {
        long[] now = {1_000};
        RoomStore timed = new InMemoryRoomStore(() -> now[0]);
        timed.createExpiring("room", PRESENCE, 10);
        timed.addMember("room", member("c1", "ada"));
        timed.addMember("room", member("c2", "bob"));
        assertEquals(List.of("room"), timed.claimIdle(1_000, 2_000, 10));
        assertEquals(2, timed.memberCount("room"), "occupied: the sweeper leaves it");
        now[0] = 2_500;
        timed.removeMember("room", "c1");
        assertEquals(List.of(), timed.claimIdle(1_999, 2_500, 10), "one member left: the clock still reads the claim's 2000");
        timed.removeMember("room", "c2");
        assertFalse(timed.releaseIdle("room", 2_000), "emptied after the claim: its clock reads 2500 now");
        assertEquals(List.of(), timed.claimIdle(2_499, 3_000, 10));
        assertEquals(List.of("room"), timed.claimIdle(2_500, 3_000, 10));
    }

    @Test
    void deletingAnExpiringRoomForgetsItsClock() {
        store.createExpiring("room", PRESENCE, 10);
        store.delete("room");
        store.create("room", PRESENCE);
        assertEquals(List.of(), store.claimIdle(Long.MAX_VALUE, 0, 10), "the same name, now an ordinary room");
    }

    private static Member member(String id, String user) {
        return new Member(id, 1, "node-a", user, Map.of());
    }
}
