package io.huddle.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded default: rooms and members in this JVM, for a single node without Redis. */
public class InMemoryRoomStore implements RoomStore {

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    /** One room's members; changes are atomic per room (a lock per room, never held across rooms). */
    private static final class Room {
        private volatile RoomSettings settings;
        private final Map<String, Member> members = new HashMap<>();
        private final Map<String, Integer> connectionsPerUser = new HashMap<>();

        Room(RoomSettings settings) {
            this.settings = settings;
        }

        synchronized int add(Member member) {
            Member previous = members.put(member.id(), member);
            if (previous == null) {
                return connectionsPerUser.merge(member.user(), 1, Integer::sum);
            }
            return connectionsPerUser.getOrDefault(member.user(), 1);
        }

        synchronized boolean update(Member member) {
            return members.replace(member.id(), member) != null;
        }

        synchronized Departure remove(String connectionId) {
            Member member = members.remove(connectionId);
            if (member == null) {
                return null;
            }
            Integer left = connectionsPerUser.computeIfPresent(member.user(), (user, n) -> n > 1 ? n - 1 : null);
            return new Departure(member, left == null ? 0 : left);
        }

        synchronized Map<String, Member> snapshot() {
            return Map.copyOf(members);
        }
    }

    @Override
    public boolean create(String room, RoomSettings settings) {
        return rooms.putIfAbsent(room, new Room(settings)) == null;
    }

    @Override
    public RoomSettings settings(String room) {
        Room target = rooms.get(room);
        return target == null ? null : target.settings;
    }

    @Override
    public boolean updateSettings(String room, RoomSettings settings) {
        Room target = rooms.get(room);
        if (target == null) {
            return false;
        }
        target.settings = settings;
        return true;
    }

    @Override
    public boolean exists(String room) {
        return rooms.containsKey(room);
    }

    @Override
    public boolean delete(String room) {
        return rooms.remove(room) != null;
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public int addMember(String room, Member member) {
        Room target = rooms.get(room);
        return target == null ? 0 : target.add(member);
    }

    @Override
    public boolean updateMember(String room, Member member) {
        Room target = rooms.get(room);
        return target != null && target.update(member);
    }

    @Override
    public Departure removeMember(String room, String connectionId) {
        Room target = rooms.get(room);
        return target == null ? null : target.remove(connectionId);
    }

    @Override
    public Map<String, Set<String>> membershipsOf(String node) {
        return Map.of(); // one node: it cannot outlive itself
    }

    @Override
    public void forgetNode(String node) {
        // nothing is recorded per node in memory
    }

    @Override
    public Map<String, Member> members(String room) {
        Room target = rooms.get(room);
        return target == null ? Map.of() : target.snapshot();
    }
}
