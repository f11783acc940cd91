package io.huddle.cluster;

import jakarta.json.bind.Jsonb;
import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.huddle.cluster.RedisCalls.guarded;

/**
 * Rooms and members in Redis hashes (see {@link RedisKeys}). Membership changes are Lua scripts, so the member
 * record and the per-user count change together, atomically. The list of rooms is one hash for all rooms, on
 * another Redis Cluster slot than a room's keys, so no script can touch both: {@link #addMember} checks that the
 * room exists and then runs its script, and the node's membership index is updated after the script.
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

    /** KEYS: members, users. ARGV: id. Returns {member JSON, remaining} or nil. */
    private static final String REMOVE_MEMBER = """
            local member = redis.call('hget', KEYS[1], ARGV[1])
            if not member then return nil end
            redis.call('hdel', KEYS[1], ARGV[1])
            local user = cjson.decode(member)['user']
            local left = redis.call('hincrby', KEYS[2], user, -1)
            if left <= 0 then redis.call('hdel', KEYS[2], user); left = 0 end
            return {member, left}
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
            return existed;
        });
    }

    @Override
    public Set<String> rooms() {
        return guarded("list rooms", () -> roomsHash().readAllKeySet());
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

    private RMap<String, String> membersHash(String room) {
        return redis.getMap(keys.members(room), StringCodec.INSTANCE);
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }
}
