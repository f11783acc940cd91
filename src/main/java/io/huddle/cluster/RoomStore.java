package io.huddle.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The rooms of the cluster and their members. Every method is synchronous and bounded: it returns within the
 * configured Redis timeout or throws {@link ClusterUnavailable}. Each room's own state changes atomically: a member
 * record and its user's count change together, so other nodes never see one without the other. Two things are not
 * part of that step (in Redis a room's keys and the list of rooms live on different Cluster slots): whether the room
 * exists, which {@link #addMember} checks just before, and the per-node index of memberships that
 * {@link #membershipsOf} reads, updated just after.
 *
 * <p>Room names are opaque strings, validated by the caller. Member ids are connection ids, unique cluster-wide.
 *
 * <p><b>Expiring rooms.</b> A room made with {@link #createExpiring} (a client's {@code createChatRoom}) carries an
 * idle clock: started when it is created, and restarted whenever {@link #removeMember} takes its last member. A
 * sweeper on any node {@link #claimIdle claims} the rooms whose clock is old (each room goes to one claimant),
 * deletes those that are still empty ({@link #memberCount}, then {@link #releaseIdle}), and leaves the occupied ones,
 * whose clock the claim restarted. Rooms made with {@link #create} never expire. The idle clocks live beside the
 * list of rooms, not in the same atomic step: a node that stops between creating a room and starting its clock
 * leaves an ordinary room behind.
 */
public interface RoomStore {

    /** Creates a room with its settings; false if it already existed (its settings are then unchanged). */
    boolean create(String room, RoomSettings settings);

    /**
     * Creates an expiring room (see above) only while fewer than {@code maxRooms} rooms exist, counting every room
     * however it was made: the check and the creation are one atomic step cluster-wide, so nodes creating at once
     * never take the count past {@code maxRooms}. An existing room is left as it is.
     */
    Creation createExpiring(String room, RoomSettings settings, int maxRooms);

    boolean exists(String room);

    /** The room's settings, or null if there is no such room. */
    RoomSettings settings(String room);

    /** Changes a room's settings; false if there is no such room. */
    boolean updateSettings(String room, RoomSettings settings);

    /** Removes the room, its member list and its idle clock; false if there was no such room. */
    boolean delete(String room);

    /** All room names, in no particular order. Reads every room: for a bounded answer use {@link #rooms(int)}. */
    Set<String> rooms();

    /**
     * At most {@code limit} room names, in no particular order: every room when there are no more. Costs about
     * {@code limit} names, however many rooms exist.
     */
    Set<String> rooms(int limit);

    /** How many rooms exist; cheap whatever the number. */
    int roomCount();

    /** How many members the room has; 0 if none or no such room. */
    int memberCount(String room);

    /**
     * Claims at most {@code limit} expiring rooms whose idle clock started at or before {@code idleSince}, and
     * restarts their clocks at {@code now}, atomically: two nodes claiming at once never get the same room. The
     * caller deletes a claimed room only if it is empty and {@link #releaseIdle} says no member left it since.
     */
    List<String> claimIdle(long idleSince, long now, int limit);

    /**
     * Stops the idle clock of a claimed room if it still reads {@code claimedAt} (its last member did not leave
     * after the claim); true if so, and the caller deletes the room.
     */
    boolean releaseIdle(String room, long claimedAt);

    /**
     * Records a new member and returns how many connections of the member's user are now in the room (1 means this
     * is the user's first), or 0 if the room does not exist (nothing is stored). Adding an id already present
     * replaces its record and does not count twice. A join that races the room's {@link #delete} can store its
     * record after the delete, under the deleted name; the caller removes it when it finds the room gone.
     */
    int addMember(String room, Member member);

    /** Replaces the record of an existing member (e.g. new metadata); false if it is not a member. */
    boolean updateMember(String room, Member member);

    /**
     * Forgets a member and returns its record with how many connections of its user remain in the room
     * (0 means the user's last connection left), or null if it was not a member. The room's last member leaving
     * restarts an expiring room's idle clock.
     */
    Departure removeMember(String room, String connectionId);

    /** The room's members by connection id; empty if the room has none or does not exist. */
    Map<String, Member> members(String room);

    /** Every (room, connection id) recorded for members living on {@code node}: what a crash leaves behind. */
    Map<String, java.util.Set<String>> membershipsOf(String node);

    /**
     * Removes every membership recorded for members living on {@code node} ({@link #membershipsOf}, then
     * {@link #removeMember} each) and hands each departure, with its room, to {@code left}: what a node that died, or
     * stopped with memberships still recorded, leaves behind. Returns how many memberships were removed.
     */
    default int removeMembershipsOf(String node, BiConsumer<String, Departure> left) {
        int removed = 0;
        for (Map.Entry<String, Set<String>> room : membershipsOf(node).entrySet()) {
            for (String connectionId : room.getValue()) {
                Departure departure = removeMember(room.getKey(), connectionId);
                if (departure != null) {
                    removed++;
                    left.accept(room.getKey(), departure);
                }
            }
        }
        return removed;
    }

    /** Forgets what is recorded about {@code node} itself (after its members were removed). */
    void forgetNode(String node);

    /** What {@link #createExpiring} did. */
    enum Creation {
        CREATED, EXISTS, AT_LIMIT
    }

    /** A member that left, and how many connections of its user are still in the room. */
    record Departure(Member member, int remaining) {
    }
}
