package io.huddle.chat;

import io.huddle.cluster.ClusterBus;
import io.huddle.cluster.Member;
import io.huddle.cluster.RoomSettings;
import io.huddle.cluster.RoomStore;
import io.huddle.config.ChatSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.Connections;
import io.huddle.connection.ErrorMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Room membership of the connections on this node: join and leave (the hooks decide), eviction (they cannot),
 * and member metadata. Each change is stored cluster-wide, tracked locally (so deliveries find the member) and
 * announced by {@link Presence}. For a connection on any node, see {@link MemberCommands}.
 */
@ApplicationScoped
public class Membership {

    private static final Logger LOG = Logger.getLogger(Membership.class.getName());

    @Inject
    RoomStore store;

    @Inject
    ClusterBus bus;

    @Inject
    Connections connections;

    @Inject
    LocalRooms localRooms;

    @Inject
    ChatHooks hooks;

    @Inject
    MemberDetails details;

    @Inject
    Presence presence;

    @Inject
    RoomNames names;

    @Inject
    MetadataPolicy metadataPolicy;

    @Inject
    ChatSettings chat;

    /** {@code roomAdd}: the join hooks decide; the joiner gets a presence snapshot. */
    public void join(Connection connection, String room) {
        names.check(room);
        if (connection.isIn(room)) {
            throw new ClientError(ErrorMessages.alreadyInRoom(room));
        }
        RoomSettings settings = store.settings(room);
        if (settings == null) {
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
        if (connection.roomCount() >= chat.maxRoomsPerConnection()) {
            throw new ClientError(ErrorMessages.tooManyRooms(chat.maxRoomsPerConnection()));
        }
        Hooks.run(() -> hooks.join(connection, room));
        if (!connection.addRoom(room)) {
            throw new ClientError(ErrorMessages.alreadyInRoom(room));
        }
        try {
            localRooms.add(room, connection);
        } catch (RuntimeException e) {
            forget(connection, room); // e.g. this node serves its most rooms: the join did not happen
            throw e;
        }
        Member member = details.generate(connection, room, bus.nodeId());
        int userConnections;
        try {
            userConnections = store.addMember(room, member);
        } catch (RuntimeException e) {
            forget(connection, room);
            throw e;
        }
        if (userConnections == 0) {
            forget(connection, room);
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
        presence.joined(connection, room, settings, member, userConnections);
    }

    /** {@code roomLeave}: the leave hooks may refuse. */
    public void leave(Connection connection, String room) {
        if (!connection.isIn(room)) {
            throw new ClientError(ErrorMessages.notInRoom(room == null ? "undefined" : room));
        }
        RoomSettings settings = store.settings(room);
        if (settings == null) {
            forgetGone(connection, room); // destroyed, or Redis lost it: nothing to leave
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
        Hooks.run(() -> hooks.leave(connection, room));
        depart(connection, room, settings);
    }

    /** Removes a connection from a room whatever the leave hooks say (disconnect, node gone), announcing it. */
    void evict(Connection connection, String room) {
        evict(connection, room, true);
    }

    /** As {@link #evict(Connection, String)}; {@code announce} false when the leave was announced already. */
    void evict(Connection connection, String room, boolean announce) {
        try {
            hooks.leave(connection, room);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "leave hook failed while removing " + connection + " from " + room
                    + "; removed anyway", e);
        }
        RoomSettings settings = store.settings(room);
        if (settings == null) {
            forgetGone(connection, room);
        } else {
            depart(connection, room, announce ? settings : new RoomSettings(false, settings.perUser()));
        }
    }

    /**
     * Sets the public metadata of a connection on this node and announces it to the members of its rooms, unless it
     * is what the connection has already. Bounded by {@code huddle.chat.metadata.*}.
     */
    public void setMetadata(String connectionId, Map<String, Object> metadata) {
        Connection connection = connections.find(connectionId)
                .orElseThrow(() -> new ClientError(ErrorMessages.connectionNotOnThisNode(connectionId), 404));
        metadataPolicy.check(metadata);
        if (metadata.equals(connection.metadata())) {
            return; // unchanged: no write per room and no presence frame to every member of every room
        }
        connection.metadata(metadata);
        for (String room : connection.rooms()) {
            RoomSettings settings = store.settings(room);
            Member updated = details.generate(connection, room, bus.nodeId());
            if (settings != null && store.updateMember(room, updated)) {
                presence.updated(room, settings, updated);
            }
        }
    }

    private void depart(Connection connection, String room, RoomSettings settings) {
        RoomStore.Departure departure;
        try {
            departure = store.removeMember(room, connection.id());
        } finally {
            forget(connection, room);
        }
        if (departure != null) {
            presence.left(room, settings, departure.member(), departure.remaining());
        }
    }

    /**
     * Forgets a room that no longer exists, and the record a join racing its delete may have stored under its name
     * (see {@link RoomStore#addMember}).
     */
    private void forgetGone(Connection connection, String room) {
        try {
            store.removeMember(room, connection.id());
        } finally {
            forget(connection, room);
        }
    }

    private void forget(Connection connection, String room) {
        localRooms.remove(room, connection);
        connection.removeRoom(room);
    }
}
