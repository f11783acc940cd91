package io.huddle.chat;

import io.huddle.cluster.ClusterBus;
import io.huddle.connection.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's members of each room: whom a room message is delivered to here. A node subscribes to a room's
 * channel while it has a member in it, and only then.
 */
@ApplicationScoped
public class LocalRooms {

    @Inject
    ClusterBus bus;

    private final Map<String, LocalRoom> rooms = new ConcurrentHashMap<>();

    /** The local members of one room, and the lock that orders presence frames against snapshots. */
    static final class LocalRoom {
        final Set<Connection> members = ConcurrentHashMap.newKeySet();
        final Object presenceLock = new Object();
    }

    void add(String room, Connection connection) {
        rooms.compute(room, (name, local) -> {
            if (local == null) {
                local = new LocalRoom();
                bus.subscribe(name);
            }
            local.members.add(connection);
            return local;
        });
        bus.awaitSubscribed(room);
    }

    void remove(String room, Connection connection) {
        rooms.computeIfPresent(room, (name, local) -> {
            local.members.remove(connection);
            if (local.members.isEmpty()) {
                bus.unsubscribe(name);
                return null;
            }
            return local;
        });
    }

    Collection<Connection> members(String room) {
        LocalRoom local = rooms.get(room);
        return local == null ? Set.of() : local.members;
    }

    /** The lock under which presence frames for {@code room} are queued on this node. */
    Object presenceLock(String room) {
        LocalRoom local = rooms.get(room);
        return local == null ? new Object() : local.presenceLock;
    }

    /** Rooms with a member on this node. */
    Set<String> rooms() {
        return Set.copyOf(rooms.keySet());
    }
}
