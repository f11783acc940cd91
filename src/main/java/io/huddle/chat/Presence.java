package io.huddle.chat;

import io.huddle.cluster.ClusterBus;
import io.huddle.cluster.Member;
import io.huddle.cluster.RoomSettings;
import io.huddle.cluster.RoomStore;
import io.huddle.connection.Connection;
import io.huddle.connection.FrameEncoder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Announces who joins, leaves and changes in a room. A joiner gets one snapshot frame (never one frame per member),
 * then diffs. The snapshot is read after the joiner is a local member and queued under the room's presence lock, so
 * every change stored after the snapshot reaches the joiner after it: a list built from both never drifts.
 * In rooms that count users, a user's first connection announces the join and its last the leave.
 */
@ApplicationScoped
public class Presence {

    static final String JOIN = "join";
    static final String LEAVE = "leave";
    static final String UPDATE = "update";

    private static final Logger LOG = Logger.getLogger(Presence.class.getName());

    @Inject
    RoomStore store;

    @Inject
    ClusterBus bus;

    @Inject
    LocalRooms localRooms;

    @Inject
    MemberList memberList;

    @Inject
    FrameEncoder encoder;

    void joined(Connection connection, String room, RoomSettings settings, Member member, int userConnections) {
        if (!settings.presence()) {
            return;
        }
        synchronized (localRooms.presenceLock(room)) {
            RoomStatus status = memberList.status(room, settings, store.members(room));
            connection.send(encoder.encode(PresenceMessage.snapshot(status)));
        }
        if (!settings.perUser() || userConnections == 1) {
            announce(room, JOIN, member);
        }
    }

    void left(String room, RoomSettings settings, Member member, int userConnectionsLeft) {
        if (settings.presence() && (!settings.perUser() || userConnectionsLeft == 0)) {
            announce(room, LEAVE, member);
        }
    }

    void updated(String room, RoomSettings settings, Member member) {
        if (settings.presence()) {
            announce(room, UPDATE, member);
        }
    }

    private void announce(String room, String event, Member member) {
        try {
            bus.publish(new RoomEvent.PresenceChange(room, event, member, bus.nodeId()));
        } catch (RuntimeException e) {
            // the membership change itself is stored; members resync from the next snapshot
            LOG.log(Level.WARNING, "could not announce " + event + " of " + member.id() + " in " + room, e);
        }
    }
}
