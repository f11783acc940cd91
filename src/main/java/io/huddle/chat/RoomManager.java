package io.huddle.chat;

import io.huddle.cluster.Member;
import io.huddle.cluster.RoomPosition;
import io.huddle.cluster.RoomSettings;
import io.huddle.cluster.RoomStore;
import io.huddle.config.RoomLimitSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chat rooms for application code: ActionHero's chatRoom API (spec §5.1), cluster-wide, in one place. Errors are
 * {@link ClientError}s carrying ActionHero's texts. The work is done by {@link Membership} (who is in a room),
 * {@link MemberCommands} (the same for a connection on another node), {@link RoomChat} (messages into a room) and
 * {@link RoomDefaults} (a new room's settings); this class is the door to them.
 *
 * <pre>{@code
 * @Inject RoomManager rooms;
 * rooms.add("support");                                    // "room exists" if it does
 * rooms.addMember(connectionId, "support");                // the connection may live on any node
 * rooms.setMetadata(connectionId, Map.of("displayName", "Ada"));
 * rooms.broadcast("support", "an agent will be with you shortly");   // from "0"
 * RoomStatus status = rooms.roomStatus("support");
 * }</pre>
 */
@ApplicationScoped
public class RoomManager {

    private static final Logger LOG = Logger.getLogger(RoomManager.class.getName());

    @Inject
    RoomStore store;

    @Inject
    RoomNames names;

    @Inject
    RoomDefaults defaults;

    @Inject
    MemberList memberList;

    @Inject
    Presence presence;

    @Inject
    Membership membership;

    @Inject
    MemberCommands commands;

    @Inject
    RoomChat chat;

    @Inject
    ChatHistory history;

    @Inject
    RoomLimitSettings limits;

    // ---- rooms

    /** Creates a room with the configured presence settings. */
    public void add(String room) {
        names.check(room);
        if (!store.create(room, defaults.of(room))) {
            throw new ClientError(ErrorMessages.ROOM_EXISTS);
        }
    }

    /**
     * Creates a room the way a client's {@code createChatRoom} does: refused with {@link RoomLimitReached} while
     * {@code huddle.chat.maxRooms} rooms exist in the cluster, and removed once it has been empty for
     * {@code huddle.chat.idleRoomTimeout}. Returns false if the room existed (it is left as it was).
     */
    public boolean addExpiring(String room) {
        names.check(room);
        return switch (store.createExpiring(room, defaults.of(room), limits.maxRooms())) {
            case CREATED -> true;
            case EXISTS -> false;
            case AT_LIMIT -> throw new RoomLimitReached(limits.maxRooms());
        };
    }

    /**
     * Tells the members the room is gone and announces every member's leave while all are still there to hear it,
     * then removes every one of them (on any node), deletes the room and drops its history.
     */
    public void destroy(String room) {
        RoomSettings settings = store.settings(room);
        if (settings == null) {
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
        broadcast(room, ErrorMessages.ROOM_DELETED);
        Map<String, Member> members = store.members(room);
        if (settings.presence()) {
            RoomSettings perConnection = new RoomSettings(true, false);
            members.values().forEach(member -> presence.left(room, perConnection, member, 0));
        }
        for (Member member : members.values()) {
            try {
                commands.evict(member.id(), room);
            } catch (Refusal e) {
                // a member whose node is gone: its record goes with the room
                LOG.log(Level.FINE, "evicting {0} from {1}: {2}", new Object[]{member.id(), room, e.getMessage()});
            }
        }
        store.delete(room);
        history.forget(room);
    }

    /** Whether the room exists. */
    public boolean exists(String room) {
        return store.exists(room);
    }

    /** Room names, sorted. Reads every room: for a bounded answer use {@link #list(int)}. */
    public List<String> list() {
        return store.rooms().stream().sorted().toList();
    }

    /** At most {@code limit} room names, sorted (which ones, when there are more, is unspecified). */
    public List<String> list(int limit) {
        return store.rooms(limit).stream().sorted().toList();
    }

    /** How many rooms exist in the cluster. */
    public int count() {
        return store.roomCount();
    }

    /** The room's members, as {@code roomView} shows them. */
    public RoomStatus roomStatus(String room) {
        if (room == null || room.isEmpty()) {
            throw new ClientError(ErrorMessages.ROOM_REQUIRED);
        }
        RoomSettings settings = store.settings(room);
        if (settings == null) {
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
        return memberList.status(room, settings, store.members(room));
    }

    /**
     * The room's recent messages after position {@code since} (null: the newest), oldest first, at most
     * {@code limit} (null: as many as the room keeps, never more), each with its position and epoch.
     */
    public ChatHistory.HistoryView history(String room, String since, Integer limit) {
        return history.read(room, since, limit);
    }

    /** Changes a room's presence settings. */
    public void configure(String room, RoomSettings settings) {
        if (!store.updateSettings(room, settings)) {
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
    }

    // ---- members and messages

    /** Adds a connection living on any node to a room; join hooks run on its node. */
    public void addMember(String connectionId, String room) {
        commands.addMember(connectionId, room);
    }

    /** Removes a connection living on any node from a room; leave hooks run on its node and may refuse. */
    public void removeMember(String connectionId, String room) {
        commands.removeMember(connectionId, room);
    }

    /** A server message to everyone in the room, from {@code "0"}; {@code message} may be any JSON-B value. */
    public void broadcast(String room, Object message) {
        chat.broadcast(room, message);
    }

    /**
     * Sets the public metadata of a connection on this node (e.g. {@code displayName}): shown in roomView and
     * announced to the members of its rooms. Bounded by {@code huddle.chat.metadata.*}.
     */
    public void setMetadata(String connectionId, Map<String, Object> metadata) {
        membership.setMetadata(connectionId, metadata);
    }

    // ---- what a client does for itself (the connection is on this node)

    /** {@code roomAdd}: the join hooks decide; the joiner gets a presence snapshot. */
    public void join(Connection connection, String room) {
        membership.join(connection, room);
    }

    /** {@code roomLeave}: the leave hooks may refuse. */
    public void leave(Connection connection, String room) {
        membership.leave(connection, room);
    }

    /** {@code roomView}: only for members, as ActionHero checks. */
    public RoomStatus view(Connection connection, String room) {
        if (!connection.isIn(room)) {
            throw new ClientError(ErrorMessages.notInRoom(room == null ? "undefined" : room));
        }
        return roomStatus(room);
    }

    /**
     * {@code roomAdd} with {@code recover}: joins as {@link #join} does, then sends the messages missed since
     * {@code lastSeen}, a {@code recovered} verdict, and the live messages that came meanwhile.
     */
    public void rejoin(Connection connection, String room, RoomPosition lastSeen) {
        history.rejoin(connection, room, lastSeen);
    }

    /** {@code roomHistory}: only for members, as {@code roomView}. */
    public ChatHistory.HistoryView history(Connection connection, String room, String since, Integer limit) {
        if (!connection.isIn(room)) {
            throw new ClientError(ErrorMessages.notInRoom(room == null ? "undefined" : room));
        }
        return history(room, since, limit);
    }

    /** {@code say}: onSayReceive runs here, once; delivery happens on every node with members. */
    public void say(Connection sender, String room, String message) {
        chat.say(sender, room, message);
    }
}
