package io.huddle.chat;

import io.huddle.cluster.ClusterBus;
import io.huddle.cluster.ConnectionDirectory;
import io.huddle.cluster.Member;
import io.huddle.cluster.NodeCommand;
import io.huddle.cluster.NodeCommandResult;
import io.huddle.cluster.RoomSettings;
import io.huddle.cluster.RoomStore;
import io.huddle.config.HuddleConfig;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.Connections;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chat rooms for application code: ActionHero's chatRoom API (spec §5.1), cluster-wide. Errors are
 * {@link ClientError}s carrying ActionHero's texts.
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
    ClusterBus bus;

    @Inject
    ConnectionDirectory directory;

    @Inject
    Connections connections;

    @Inject
    LocalRooms localRooms;

    @Inject
    ChatHooks hooks;

    @Inject
    MemberDetails details;

    @Inject
    MemberList memberList;

    @Inject
    Presence presence;

    @Inject
    RoomNames names;

    @Inject
    MetadataPolicy metadataPolicy;

    @Inject
    FrameEncoder encoder;

    @Inject
    HuddleConfig config;

    // ---- ActionHero's chatRoom API

    /** Creates a room with the configured presence settings. */
    public void add(String room) {
        names.check(room);
        if (!store.create(room, defaultSettings(room))) {
            throw new ClientError(ErrorMessages.ROOM_EXISTS);
        }
    }

    /**
     * Tells the members the room is gone and announces every member's leave while all are still there to hear it,
     * then removes every one of them (on any node) and deletes the room.
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
                command(member.id(), new NodeCommand.Evict(member.id(), room));
            } catch (ClientError e) {
                // a member whose node is gone: its record goes with the room
                LOG.log(Level.FINE, "evicting {0} from {1}: {2}", new Object[]{member.id(), room, e.getMessage()});
            }
        }
        store.delete(room);
    }

    public boolean exists(String room) {
        return store.exists(room);
    }

    /** Room names, sorted. */
    public List<String> list() {
        return store.rooms().stream().sorted().toList();
    }

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

    /** Adds a connection living on any node to a room; join hooks run on its node. */
    public void addMember(String connectionId, String room) {
        command(connectionId, new NodeCommand.AddMember(connectionId, room));
    }

    /** Removes a connection living on any node from a room; leave hooks run on its node and may refuse. */
    public void removeMember(String connectionId, String room) {
        command(connectionId, new NodeCommand.RemoveMember(connectionId, room));
    }

    /** A server message to everyone in the room, from {@code "0"}; {@code message} may be any JSON-B value. */
    public void broadcast(String room, Object message) {
        if (room == null || room.isEmpty() || message == null) {
            throw new ClientError(ErrorMessages.ROOM_AND_MESSAGE_REQUIRED);
        }
        JsonValue json = message instanceof JsonValue value ? value
                : encoder.jsonb().fromJson(encoder.jsonb().toJson(message), JsonValue.class);
        publishChat(null, new ChatMessage(json, room, ChatMessage.SERVER, System.currentTimeMillis()));
    }

    /**
     * Sets the public metadata of a connection on this node (e.g. {@code displayName}): shown in roomView and
     * announced to the members of its rooms. Bounded by {@code huddle.chat.metadata.*}.
     */
    public void setMetadata(String connectionId, Map<String, Object> metadata) {
        Connection connection = connections.find(connectionId)
                .orElseThrow(() -> new ClientError("connection not found on this node (" + connectionId + ")", 404));
        metadataPolicy.check(metadata);
        connection.metadata(metadata);
        for (String room : connection.rooms()) {
            RoomSettings settings = store.settings(room);
            Member updated = details.generate(connection, room, bus.nodeId());
            if (settings != null && store.updateMember(room, updated)) {
                presence.updated(room, settings, updated);
            }
        }
    }

    /** Changes a room's presence settings. */
    public void configure(String room, RoomSettings settings) {
        if (!store.updateSettings(room, settings)) {
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
    }

    // ---- what a client does for itself (the connection is on this node)

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
        if (connection.roomCount() >= config.maxRoomsPerConnection()) {
            throw new ClientError("too many rooms: a connection may be in at most "
                    + config.maxRoomsPerConnection() + " rooms");
        }
        runHook(() -> hooks.join(connection, room));
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
            forget(connection, room); // the room is gone (destroyed, or Redis lost it): nothing to leave
            throw new ClientError(ErrorMessages.ROOM_DOES_NOT_EXIST);
        }
        runHook(() -> hooks.leave(connection, room));
        depart(connection, room, settings);
    }

    /** Removes a connection from a room whatever the leave hooks say (disconnect, node gone). */
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
            forget(connection, room);
        } else {
            depart(connection, room, announce ? settings : new RoomSettings(false, settings.perUser()));
        }
    }

    /** {@code roomView}: only for members, as ActionHero checks. */
    public RoomStatus view(Connection connection, String room) {
        if (!connection.isIn(room)) {
            throw new ClientError(ErrorMessages.notInRoom(room == null ? "undefined" : room));
        }
        return roomStatus(room);
    }

    /** {@code say}: onSayReceive runs here, once; delivery happens on every node with members. */
    public void say(Connection sender, String room, String message) {
        if (room == null || room.isEmpty() || message == null || message.isEmpty()) {
            throw new ClientError(ErrorMessages.ROOM_AND_MESSAGE_REQUIRED);
        }
        if (!sender.isIn(room)) {
            throw new ClientError(ErrorMessages.notInRoom(room));
        }
        publishChat(sender, new ChatMessage(Jsonp.string(message), room, sender.id(),
                System.currentTimeMillis()));
    }

    // ---- internals

    private void publishChat(Connection sender, ChatMessage message) {
        ChatMessage received = runHook(() -> hooks.onSayReceive(sender, message));
        if (received == null) {
            return; // dropped by middleware: the sender still gets OK, as in ActionHero
        }
        bus.publish(new RoomEvent.Chat(received, bus.nodeId()));
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

    private void forget(Connection connection, String room) {
        localRooms.remove(room, connection);
        connection.removeRoom(room);
    }

    /** Runs a command against a connection wherever it lives; throws its error. */
    private void command(String connectionId, NodeCommand command) {
        String node = directory.nodeOf(connectionId)
                .orElseThrow(() -> new ClientError("connection not found (" + connectionId + ")", 404));
        NodeCommandResult result;
        try {
            result = bus.send(node, command).toCompletableFuture()
                    .get(config.rpcTimeoutMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientError("interrupted while waiting for node " + node, 503);
        } catch (ExecutionException | TimeoutException e) {
            throw new ClientError("node " + node + " did not answer in time", 503);
        }
        if (!result.ok()) {
            throw new ClientError(result.error());
        }
    }

    /** The settings a room gets when created: configuration, per room or global. */
    RoomSettings defaultSettings(String room) {
        boolean presenceOn = config.roomSetting(room, "presence").map(Boolean::parseBoolean)
                .orElse(config.presence());
        String view = config.roomSetting(room, "presenceView").orElse(config.presenceView());
        return new RoomSettings(presenceOn, "users".equalsIgnoreCase(view.trim()));
    }

    /** Middleware rejects by throwing: whatever it throws becomes the client's error text. */
    private static <T> T runHook(java.util.function.Supplier<T> hook) {
        try {
            return hook.get();
        } catch (ClientError e) {
            throw e;
        } catch (RuntimeException e) {
            String text = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ClientError(text);
        }
    }

    private static void runHook(Runnable hook) {
        runHook(() -> {
            hook.run();
            return null;
        });
    }
}
