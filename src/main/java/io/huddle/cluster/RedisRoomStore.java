package io.huddle.cluster;

import jakarta.json.bind.Jsonb;
import org.redisson.api.RMap;
import org.redisson.api.RScoredSortedSet;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.huddle.cluster.RedisCalls.guarded;

/**
 * Rooms and members in Redis hashes (see {@link RedisKeys}). Membership changes are Lua scripts, so the member
 * record and the per-user count change together, atomically. The list of rooms is one hash for all rooms, on
 * another Redis Cluster slot than a room's keys, so no script can touch both: {@link #addMember} checks that the
 * room exists and then runs its script, and the node's membership index is updated after the script. The room cap
 * is one script on the list of rooms (HLEN and HSET together); the idle clocks of expiring rooms are a sorted set
 * scored by milliseconds, claimed and released by scripts on it alone.
 */
public class RedisRoomStore implements RoomStore {

    /** Separates room and connection id in a node's membership index; neither may contain it. */
    static final String SEPARATOR = "\u0000";

    /** KEYS: members, users. ARGV: id, member JSON, user. Returns the user's connections in the room. */
    private static final String ADD_MEMBER = """
            if redis.call('hsetnx', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              return redis.call('hincrby', KEYS[2], ARGV[3], 1)
            end
            redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
            return tonumber(redis.call('hget', KEYS[2], ARGV[3]) or '1')
            """;

    /** KEYS: members, users. ARGV: id. Returns {member JSON, remaining, members left in the room} or nil. */
    private static final String REMOVE_MEMBER = """
            local member = redis.call('hget', KEYS[1], ARGV[1])
            if not member then return nil end
            redis.call('hdel', KEYS[1], ARGV[1])
            local user = cjson.decode(member)['user']
            local left = redis.call('hincrby', KEYS[2], user, -1)
            if left <= 0 then redis.call('hdel', KEYS[2], user); left = 0 end
            return {member, left, redis.call('hlen', KEYS[1])}
            """;

    /** KEYS: rooms. ARGV: room, settings JSON, max rooms. Returns 1 created, 0 existed, -1 at the cap. */
    private static final String CREATE_BOUNDED = """
            if redis.call('hexists', KEYS[1], ARGV[1]) == 1 then return 0 end
            if redis.call('hlen', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
            redis.call('hset', KEYS[1], ARGV[1], ARGV[2])
            return 1
            """;

    /** KEYS: idle rooms. ARGV: idle since, now, limit. Returns the claimed rooms, their clocks restarted at now. */
    private static final String CLAIM_IDLE = """
            local rooms = redis.call('zrangebyscore', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
            for _, room in ipairs(rooms) do redis.call('zadd', KEYS[1], 'XX', ARGV[2], room) end
            return rooms
            """;

    /** KEYS: idle rooms. ARGV: room, claimed at. Returns 1 if the clock still read claimed-at and is gone. */
    private static final String RELEASE_IDLE = """
            local since = redis.call('zscore', KEYS[1], ARGV[1])
            if since and tonumber(since) == tonumber(ARGV[2]) then
              redis.call('zrem', KEYS[1], ARGV[1])
              return 1
            end
            return 0
            """;

    /** KEYS: idle rooms. ARGV: now, room. Restarts the clock of an expiring room; others have none. */
    private static final String RESTART_IDLE = """
            return redis.call('zadd', KEYS[1], 'XX', ARGV[1], ARGV[2])
            """;

    private final RedissonClient redis;
    private final RedisKeys keys;
    private final Jsonb jsonb;

    RedisRoomStore(RedissonClient redis, RedisKeys keys, Jsonb jsonb) {
        this.redis = redis;
        this.keys = keys;
        this.jsonb = jsonb;
    }

    @Override
    public boolean create(String room, RoomSettings settings) {
        return guarded("create room " + room, () -> roomsHash().fastPutIfAbsent(room, jsonb.toJson(settings)));
    }

    @Override
    public Creation createExpiring(String room, RoomSettings settings, int maxRooms) {
        return guarded("create room " + room, () -> {
            Long created = script().eval(RScript.Mode.READ_WRITE, CREATE_BOUNDED, RScript.ReturnType.LONG,
                    List.of(keys.rooms()), room, jsonb.toJson(settings), Integer.toString(maxRooms));
            if (created == 0) {
                return Creation.EXISTS;
            }
            if (created < 0) {
                return Creation.AT_LIMIT;
            }
            idleRooms().add(System.currentTimeMillis(), room);
            return Creation.CREATED;
        });
    }

    @Override
    public boolean exists(String room) {
        return guarded("look up room " + room, () -> roomsHash().containsKey(room));
    }

    @Override
    public RoomSettings settings(String room) {
        String json = guarded("look up room " + room, () -> roomsHash().get(room));
        return json == null ? null : jsonb.fromJson(json, RoomSettings.class);
    }

    @Override
    public boolean updateSettings(String room, RoomSettings settings) {
        return guarded("configure room " + room, () -> roomsHash().replace(room, jsonb.toJson(settings)) != null);
    }

    @Override
    public boolean delete(String room) {
        return guarded("delete room " + room, () -> {
            boolean existed = roomsHash().fastRemove(room) > 0;
            redis.getKeys().delete(keys.members(room), keys.users(room));
            idleRooms().remove(room);
            return existed;
        });
    }

    @Override
    public Set<String> rooms() {
        return guarded("list rooms", () -> roomsHash().readAllKeySet());
    }

    @Override
    public Set<String> rooms(int limit) {
        return guarded("list rooms", () -> {
            Set<String> names = new HashSet<>();
            // HSCAN in batches of the limit: stops after about limit names, however many rooms exist
            Iterator<String> scan = roomsHash().keySet(Math.max(10, Math.min(limit, 1000))).iterator();
            while (names.size() < limit && scan.hasNext()) {
                names.add(scan.next());
            }
            return names;
        });
    }

    @Override
    public int roomCount() {
        return guarded("count rooms", () -> roomsHash().size());
    }

    @Override
    public int memberCount(String room) {
        return guarded("count members of " + room, () -> membersHash(room).size());
    }

    @Override
    public List<String> claimIdle(long idleSince, long now, int limit) {
        return guarded("claim idle rooms", () -> {
            List<Object> claimed = script().eval(RScript.Mode.READ_WRITE, CLAIM_IDLE, RScript.ReturnType.LIST,
                    List.of(keys.idleRooms()), Long.toString(idleSince), Long.toString(now),
                    Integer.toString(limit));
            return claimed == null ? List.<String>of() : claimed.stream().map(String.class::cast).toList();
        });
    }

    @Override
    public boolean releaseIdle(String room, long claimedAt) {
        return guarded("release idle room " + room, () -> {
            Long released = script().eval(RScript.Mode.READ_WRITE, RELEASE_IDLE, RScript.ReturnType.LONG,
                    List.of(keys.idleRooms()), room, Long.toString(claimedAt));
            return released == 1;
        });
    }

    @Override
    public int addMember(String room, Member member) {
        return guarded("join room " + room, () -> {
            if (!roomsHash().containsKey(room)) {
                return 0;
            }
            Long count = script().eval(RScript.Mode.READ_WRITE, ADD_MEMBER, RScript.ReturnType.LONG,
                    List.of(keys.members(room), keys.users(room)), member.id(), jsonb.toJson(member), member.user());
            redis.getSet(keys.nodeMemberships(member.node()), StringCodec.INSTANCE)
                    .addAsync(room + SEPARATOR + member.id());
            return count.intValue();
        });
    }

    @Override
    public boolean updateMember(String room, Member member) {
        return guarded("update member of " + room, () -> membersHash(room).replace(member.id(),
                jsonb.toJson(member)) != null);
    }

    @Override
    public Departure removeMember(String room, String connectionId) {
        return guarded("leave room " + room, () -> {
            List<Object> removed = script().eval(RScript.Mode.READ_WRITE, REMOVE_MEMBER, RScript.ReturnType.LIST,
                    List.of(keys.members(room), keys.users(room)), connectionId);
            if (removed == null || removed.isEmpty()) {
                return null;
            }
            Member member = jsonb.fromJson((String) removed.get(0), Member.class);
            redis.getSet(keys.nodeMemberships(member.node()), StringCodec.INSTANCE)
                    .removeAsync(room + SEPARATOR + connectionId);
            if (((Number) removed.get(2)).intValue() == 0) {
                script().evalAsync(RScript.Mode.READ_WRITE, RESTART_IDLE, RScript.ReturnType.LONG,
                        List.of(keys.idleRooms()), Long.toString(System.currentTimeMillis()), room);
            }
            return new Departure(member, ((Number) removed.get(1)).intValue());
        });
    }

    @Override
    public Map<String, Member> members(String room) {
        Map<String, String> stored = guarded("read members of " + room, () -> membersHash(room)
                .readAllMap());
        Map<String, Member> members = new HashMap<>();
        stored.forEach((id, json) -> members.put(id, jsonb.fromJson(json, Member.class)));
        return members;
    }

    @Override
    public Map<String, Set<String>> membershipsOf(String node) {
        Set<Object> entries = guarded("read memberships of node " + node,
                () -> redis.<Object>getSet(keys.nodeMemberships(node), StringCodec.INSTANCE).readAll());
        Map<String, Set<String>> byRoom = new HashMap<>();
        for (Object entry : entries) {
            String text = (String) entry;
            int split = text.indexOf(SEPARATOR);
            if (split > 0) {
                byRoom.computeIfAbsent(text.substring(0, split), r -> new java.util.HashSet<>())
                        .add(text.substring(split + 1));
            }
        }
        return byRoom;
    }

    @Override
    public void forgetNode(String node) {
        guarded("forget node " + node, () -> {
            redis.getKeys().delete(keys.nodeMemberships(node));
        });
    }

    private RMap<String, String> roomsHash() {
        return redis.getMap(keys.rooms(), StringCodec.INSTANCE);
    }

    private RScoredSortedSet<String> idleRooms() {
        return redis.getScoredSortedSet(keys.idleRooms(), StringCodec.INSTANCE);
    }

    private RMap<String, String> membersHash(String room) {
        return redis.getMap(keys.members(room), StringCodec.INSTANCE);
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }
}
