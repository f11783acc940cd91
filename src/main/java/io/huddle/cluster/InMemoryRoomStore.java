package io.huddle.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/** The embedded default: rooms and members in this JVM, for a single node without Redis. */
public class InMemoryRoomStore implements RoomStore {

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    /** Expiring room → when its idle clock started (ms). */
    private final Map<String, Long> idleClocks = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public InMemoryRoomStore() {
        this(System::currentTimeMillis);
    }

    /** @param clock milliseconds, for the idle clocks of expiring rooms */
    InMemoryRoomStore(LongSupplier clock) {
        this.clock = clock;
    }

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

        synchronized int size() {
            return members.size();
        }
    }

    @Override
    public boolean create(String room, RoomSettings settings) {
        return rooms.putIfAbsent(room, new Room(settings)) == null;
    }

    @Override
    public synchronized Creation createExpiring(String room, RoomSettings settings, int maxRooms) {
        // synchronized: the count and the creation are one step for every bounded creation
        if (rooms.containsKey(room)) {
            return Creation.EXISTS;
        }
        if (rooms.size() >= maxRooms) {
            return Creation.AT_LIMIT;
        }
        rooms.put(room, new Room(settings));
        idleClocks.put(room, clock.getAsLong());
        return Creation.CREATED;
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
        idleClocks.remove(room);
        return rooms.remove(room) != null;
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }

    @Override
    public Set<String> rooms(int limit) {
        return rooms.keySet().stream().limit(limit).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public int roomCount() {
        return rooms.size();
    }

    @Override
    public int memberCount(String room) {
        Room target = rooms.get(room);
        return target == null ? 0 : target.size();
    }

    @Override
    public List<String> claimIdle(long idleSince, long now, int limit) {
        List<String> claimed = new ArrayList<>();
        for (Map.Entry<String, Long> entry : idleClocks.entrySet()) {
            if (claimed.size() >= limit) {
                break;
            }
            if (entry.getValue() <= idleSince && idleClocks.replace(entry.getKey(), entry.getValue(), now)) {
                claimed.add(entry.getKey());
            }
        }
        return claimed;
    }

    @Override
    public boolean releaseIdle(String room, long claimedAt) {
        return idleClocks.remove(room, claimedAt);
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
        Departure departure = target == null ? null : target.remove(connectionId);
        if (departure != null && target.size() == 0) {
            idleClocks.computeIfPresent(room, (name, since) -> clock.getAsLong());
        }
        return departure;
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
