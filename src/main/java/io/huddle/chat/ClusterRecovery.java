package io.huddle.chat;

import io.huddle.cluster.ClusterBus;
import io.huddle.cluster.ClusterReconnected;
import io.huddle.cluster.ClusterUnavailable;
import io.huddle.cluster.NodeDied;
import io.huddle.cluster.RoomSettings;
import io.huddle.cluster.RoomStore;
import io.huddle.connection.Connection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the shared room state true to the connections that exist: removes (and announces) the members of a node
 * that died, and rewrites this node's rooms and members after Redis was away or lost its data.
 */
@ApplicationScoped
public class ClusterRecovery {

    private static final Logger LOG = Logger.getLogger(ClusterRecovery.class.getName());

    @Inject
    RoomStore store;

    @Inject
    ClusterBus bus;

    @Inject
    LocalRooms localRooms;

    @Inject
    MemberDetails details;

    @Inject
    Presence presence;

    @Inject
    StartingRooms startingRooms;

    @Inject
    RoomDefaults defaults;

    void removeMembersOf(@Observes NodeDied died) {
        Map<String, Optional<RoomSettings>> settings = new HashMap<>();
        int removed = store.removeMembershipsOf(died.node(), (room, departure) -> settings
                .computeIfAbsent(room, r -> Optional.ofNullable(store.settings(r)))
                .ifPresent(found -> presence.left(room, found, departure.member(), departure.remaining())));
        LOG.info(() -> "removed " + removed + " memberships of dead node " + died.node());
    }

    void rewriteLocalState(@Observes ClusterReconnected reconnected) {
        startingRooms.ensureCreated();
        for (String room : localRooms.rooms()) {
            try {
                if (!store.exists(room)) {
                    store.create(room, defaults.of(room));
                }
                for (Connection connection : localRooms.members(room)) {
                    store.addMember(room, details.generate(connection, room, bus.nodeId()));
                }
            } catch (ClusterUnavailable e) {
                LOG.log(Level.WARNING, "could not rewrite room " + room + " yet: " + e.getMessage());
            }
        }
    }
}
