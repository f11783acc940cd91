package io.huddle.chat;

import io.huddle.cluster.Member;
import io.huddle.cluster.RoomMessage;
import io.huddle.connection.FrameEncoder;
import io.huddle.connection.Jsonp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room events cross nodes as JSON-B text that names their kind, and come back as the same records. */
class RoomEventCodecTest {

    private final RoomEventCodec codec = new RoomEventCodec();

    RoomEventCodecTest() {
        codec.encoder = new FrameEncoder();
    }

    private RoomMessage roundTrip(RoomEvent event) {
        return codec.read(codec.write(event));
    }

    @Test
    void aChatMessageCrossesWholeWithTheContextAHookSet() {
        ChatMessage message = new ChatMessage(Jsonp.string("hi"), "lobby", "c1", "moderated", 42L);
        RoomEvent.Chat chat = new RoomEvent.Chat(message, "node-a");

        RoomMessage back = roundTrip(chat);

        assertEquals(chat, back);
        assertEquals("lobby", back.room());
        assertEquals("node-a", back.origin());
    }

    @Test
    void aServerBroadcastKeepsItsJsonMessage() {
        ChatMessage message = new ChatMessage(parse("{\"a\":[1,true,null]}"), "lobby", ChatMessage.SERVER, 7L);

        assertEquals(new RoomEvent.Chat(message, "n"), roundTrip(new RoomEvent.Chat(message, "n")));
    }

    @Test
    void aPresenceChangeCrossesWithItsMember() {
        Member member = new Member("c1", 5L, "node-b", "u1", Map.of("displayName", "Ada"));
        RoomEvent.PresenceChange change = new RoomEvent.PresenceChange("lobby", Presence.JOIN, member, "node-b");

        RoomMessage back = roundTrip(change);

        assertInstanceOf(RoomEvent.PresenceChange.class, back);
        assertEquals(change, back);
    }

    @Test
    void theWireFormNamesTheKind() {
        String json = codec.write(new RoomEvent.Chat(new ChatMessage(Jsonp.string("x"), "r", "c", 1L), "n"));

        assertTrue(json.startsWith("{\"chat\":{"), json);
    }

    @Test
    void everyKindOfEventCrosses() {
        List<RoomEvent> events = List.of( // one of each kind (checked below)
                new RoomEvent.Chat(new ChatMessage(Jsonp.string("x"), "r", "c", 1L), "n"),
                new RoomEvent.PresenceChange("r", Presence.LEAVE, new Member("c", 1L, "n", "u", Map.of()), "n"));
        events.forEach(event -> assertEquals(event, roundTrip(event)));
        assertEquals(RoomEvent.class.getPermittedSubclasses().length, events.size());
    }

    private static jakarta.json.JsonValue parse(String json) {
        try (jakarta.json.JsonReader reader = Jsonp.reader(new java.io.StringReader(json))) {
            return reader.readValue();
        }
    }
}
