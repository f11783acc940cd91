package io.huddle.chat;

import io.huddle.cluster.InMemoryRoomHistory;
import io.huddle.config.HistorySettings;
import io.huddle.cluster.InMemoryClusterBus;
import io.huddle.cluster.RecordingCommands;
import io.huddle.cluster.InMemoryConnectionDirectory;
import io.huddle.cluster.InMemoryRoomStore;
import io.huddle.cluster.Member;
import io.huddle.cluster.RoomDelivery;
import io.huddle.cluster.RoomMessage;
import io.huddle.cluster.RoomSettings;
import io.huddle.config.ChatSettings;
import io.huddle.config.ClusterSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connections;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.FrameEncoder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's room API over the in-memory store and bus of a single node. */
class RoomManagerTest {

    private static final RoomSettings DEFAULTS = new RoomSettings(true, false);

    private final InMemoryRoomStore store = new InMemoryRoomStore();
    /** What the bus delivered to this node, in order. */
    private final List<RoomEvent> published = new ArrayList<>();
    private final RecordingCommands recorded = new RecordingCommands();
    private InMemoryClusterBus bus;
    private RoomManager rooms;

    @BeforeEach
    void wire() {
        ChatSettings chatSettings = new ChatSettings(64, 100, List.of(), 16, 1024,
                new ChatSettings.RoomDefaults(true, false), Map.of());
        ClusterSettings clusterSettings = new ClusterSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                "huddle", 2000, 100, 10_000, 1000);
        FrameEncoder encoder = new FrameEncoder();
        bus = new InMemoryClusterBus("node-1", new Recorder(), recorded);

        RoomNames names = new RoomNames();
        names.chat = chatSettings;
        MemberList memberList = new MemberList();
        memberList.details = new DefaultMemberDetails();
        Presence presence = new Presence();
        presence.store = store;
        presence.bus = bus;
        presence.memberList = memberList;
        presence.encoder = encoder;
        presence.localRooms = new LocalRooms();
        presence.localRooms.bus = bus;
        MemberCommands commands = new MemberCommands();
        Connections connections = new Connections();
        commands.directory = new InMemoryConnectionDirectory("node-1", connections);
        commands.bus = bus;
        commands.cluster = clusterSettings;
        RoomChat chat = new RoomChat();
        chat.hooks = new ChatHooks();
        chat.bus = bus;
        chat.encoder = encoder;

        rooms = new RoomManager();
        rooms.store = store;
        rooms.names = names;
        rooms.defaults = new RoomDefaults() {
            @Override
            public RoomSettings of(String room) {
                return DEFAULTS;
            }
        };
        rooms.memberList = memberList;
        rooms.presence = presence;
        rooms.commands = commands;
        rooms.chat = chat;
        rooms.history = new ChatHistory();
        rooms.history.history = new InMemoryRoomHistory(room -> new HistorySettings.Limits(5, 60), store::exists);
    }

    @Test
    void addCreatesARoomWithItsDefaultsOnceAndListSortsNames() {
        rooms.add("beta");
        rooms.add("alpha");

        assertEquals(List.of("alpha", "beta"), rooms.list());
        assertTrue(rooms.exists("alpha"));
        assertEquals(DEFAULTS, store.settings("alpha"));
        assertError(ErrorMessages.ROOM_EXISTS, () -> rooms.add("alpha"));
    }

    @Test
    void aRoomNameIsChecked() {
        assertError(ErrorMessages.ROOM_REQUIRED, () -> rooms.add(""));
        assertError("room name too long: at most 64 characters", () -> rooms.add("x".repeat(65)));
    }

    @Test
    void broadcastPublishesOneChatMessageFromTheServerToTheRoom() {
        rooms.add("lobby");
        bus.subscribe("lobby");

        rooms.broadcast("lobby", Map.of("text", "closing soon"));

        RoomEvent.Chat chat = assertInstanceOf(RoomEvent.Chat.class, published.get(0));
        assertEquals(ChatMessage.SERVER, chat.message().from());
        assertEquals(ChatMessage.CONTEXT, chat.message().context());
        assertEquals("closing soon", ((JsonObject) chat.message().message()).getString("text"));
        assertEquals("node-1", chat.origin());
    }

    @Test
    void broadcastNeedsARoomAndAMessage() {
        assertError(ErrorMessages.ROOM_AND_MESSAGE_REQUIRED, () -> rooms.broadcast("", "hi"));
        assertError(ErrorMessages.ROOM_AND_MESSAGE_REQUIRED, () -> rooms.broadcast("lobby", null));
    }

    @Test
    void roomStatusShowsTheStoredMembers() {
        rooms.add("lobby");
        store.addMember("lobby", new Member("c1", 1L, "node-1", "u1", Map.of("displayName", "Ada")));

        RoomStatus status = rooms.roomStatus("lobby");

        assertEquals(1, status.membersCount());
        assertEquals(Map.of("displayName", "Ada"), status.members().get("c1").get("metadata"));
        assertError(ErrorMessages.ROOM_DOES_NOT_EXIST, () -> rooms.roomStatus("nowhere"));
        assertError(ErrorMessages.ROOM_REQUIRED, () -> rooms.roomStatus(null));
    }

    @Test
    void configureChangesAnExistingRoomOnly() {
        rooms.add("lobby");
        RoomSettings byUser = new RoomSettings(true, true);

        rooms.configure("lobby", byUser);

        assertEquals(byUser, store.settings("lobby"));
        assertError(ErrorMessages.ROOM_DOES_NOT_EXIST, () -> rooms.configure("nowhere", byUser));
    }

    @Test
    void destroyTellsTheMembersAnnouncesEveryLeaveAndDeletesTheRoom() {
        rooms.add("doomed");
        bus.subscribe("doomed");
        store.addMember("doomed", new Member("c1", 1L, "node-1", "u1", Map.of()));
        store.addMember("doomed", new Member("c2", 2L, "node-1", "u2", Map.of()));

        rooms.destroy("doomed");

        RoomEvent.Chat deleted = assertInstanceOf(RoomEvent.Chat.class, published.get(0));
        assertEquals(ErrorMessages.ROOM_DELETED, ((JsonString) deleted.message().message()).getString());
        assertEquals(2, published.stream().filter(e -> e instanceof RoomEvent.PresenceChange change
                && change.event().equals(Presence.LEAVE)).count());
        assertFalse(rooms.exists("doomed"));
        assertError(ErrorMessages.ROOM_DOES_NOT_EXIST, () -> rooms.destroy("doomed"));
    }

    @Test
    void addMemberOfAConnectionNoNodeHoldsIsAnError() {
        rooms.add("lobby");

        assertError("connection not found (ghost)", () -> rooms.addMember("ghost", "lobby"));
        assertTrue(recorded.handled().isEmpty());
    }

    private static void assertError(String text, Runnable call) {
        assertEquals(text, assertThrows(ClientError.class, call::run).getMessage());
    }

    /** This node's deliveries, recorded. */
    private final class Recorder implements RoomDelivery {
        @Override
        public void deliver(RoomMessage message) {
            published.add((RoomEvent) message);
        }

        @Override
        public void deliverRemote(RoomMessage message) {
            deliver(message);
        }
    }
}
