package io.huddle.cluster;

import java.util.Map;
import java.util.Set;

/**
 * The rooms of the cluster and their members. Every method is synchronous and bounded: it returns within the
 * configured Redis timeout or throws {@link ClusterUnavailable}. Each room's own state changes atomically: a member
 * record and its user's count change together, so other nodes never see one without the other. Two things are not
 * part of that step (in Redis a room's keys and the list of rooms live on different Cluster slots): whether the room
 * exists, which {@link #addMember} checks just before, and the per-node index of memberships that
 * {@link #membershipsOf} reads, updated just after.
 *
 * <p>Room names are opaque strings, validated by the caller. Member ids are connection ids, unique cluster-wide.
 */
public interface RoomStore {

    /** Creates a room with its settings; false if it already existed (its settings are then unchanged). */
    boolean create(String room, RoomSettings settings);

    boolean exists(String room);

    /** The room's settings, or null if there is no such room. */
    RoomSettings settings(String room);

    /** Changes a room's settings; false if there is no such room. */
    boolean updateSettings(String room, RoomSettings settings);

    /** Removes the room and its member list; false if there was no such room. */
    boolean delete(String room);

    /** All room names, in no particular order. */
    Set<String> rooms();

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
     * (0 means the user's last connection left), or null if it was not a member.
     */
    Departure removeMember(String room, String connectionId);

    /** The room's members by connection id; empty if the room has none or does not exist. */
    Map<String, Member> members(String room);

    /** Every (room, connection id) recorded for members living on {@code node}: what a crash leaves behind. */
    Map<String, java.util.Set<String>> membershipsOf(String node);

    /** Forgets what is recorded about {@code node} itself (after its members were removed). */
    void forgetNode(String node);

    /** A member that left, and how many connections of its user are still in the room. */
    record Departure(Member member, int remaining) {
    }
}
