package io.huddle.websocket;

import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What each inbound frame becomes: the verb it asks for, or the error text its sender reads (spec §1.3, §2.2). */
class EventDecoderTest {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    // ---- Primus control frames

    @Test
    void aPongStringIsTheHeartbeatAnswer() {
        assertInstanceOf(ClientEvent.Pong.class, EventDecoder.decode("\"primus::pong::1700000000000\""));
    }

    @Test
    void theIdStringAsksForTheSparkId() {
        assertInstanceOf(ClientEvent.IdRequest.class, EventDecoder.decode("\"primus::id::\""));
    }

    // ---- malformed frames

    @Test
    void textThatIsNotJsonIsRefusedAsNotJsonWithAFreshMessageId() {
        ClientEvent.Invalid invalid = invalid("{\"event\":");
        assertEquals("frame is not valid JSON", invalid.error());
        assertFreshId(invalid.messageId());
        assertEquals(null, invalid.data());
    }

    @Test
    void jsonNestedTooDeeplyIsRefusedAtTheDepthLimitBeforeTheParserReadsOn() {
        assertEquals("the JSON is nested too deeply: at most 32 levels of arrays and objects",
                invalid("[".repeat(100_000)).error());
    }

    @Test
    void jsonThatIsNotAnObjectGetsTheUnknownVerbErrorAsActionHeroGivesIt() {
        for (String frame : new String[]{"null", "42", "[1,2]", "\"hello\"", "\"primus::id::extra\""}) {
            ClientEvent.Invalid invalid = invalid(frame);
            assertEquals("verb not found or not allowed (undefined)", invalid.error(), frame);
            assertEquals(json(frame), invalid.data(), frame);
        }
    }

    @Test
    void anObjectWithoutAnEventNamesItUndefinedAndEchoesTheRestAsData() {
        ClientEvent.Invalid invalid = invalid("{\"messageId\":7,\"room\":\"r\",\"colour\":\"blue\"}");
        assertEquals("verb not found or not allowed (undefined)", invalid.error());
        assertEquals(Json.createValue(7), invalid.messageId());
        assertEquals(json("{\"colour\":\"blue\"}"), invalid.data());
    }

    @Test
    void anEventThatIsNotAStringIsShownAsItsJson() {
        assertEquals("verb not found or not allowed (12)", invalid("{\"event\":12}").error());
        assertEquals("verb not found or not allowed ({\"a\":1})", invalid("{\"event\":{\"a\":1}}").error());
    }

    @Test
    void anUnknownVerbIsNamedInTheError() {
        ClientEvent.Invalid invalid = invalid("{\"event\":\"dance\",\"messageId\":\"m1\",\"style\":\"waltz\"}");
        assertEquals("verb not found or not allowed (dance)", invalid.error());
        assertEquals(Json.createValue("m1"), invalid.messageId());
        assertEquals(json("{\"style\":\"waltz\"}"), invalid.data());
    }

    @Test
    void aMessageIdThatIsNeitherStringNorNumberIsRefused() {
        for (String id : new String[]{"true", "{\"x\":1}", "[1]"}) {
            ClientEvent.Invalid invalid = invalid("{\"event\":\"detailsView\",\"messageId\":" + id + "}");
            assertEquals("messageId must be a string or a number", invalid.error(), id);
            assertFreshId(invalid.messageId());
        }
    }

    @Test
    void argumentsOfTheWrongTypeAreRefusedNamingTheField() {
        assertEquals("room must be a string", invalid("{\"event\":\"roomAdd\",\"room\":5}").error());
        assertEquals("room must be a string", invalid("{\"event\":\"roomView\",\"room\":[\"a\"]}").error());
        assertEquals("room must be a string", invalid("{\"event\":\"say\",\"room\":true,\"message\":\"m\"}").error());
        assertEquals("message must be a string", invalid("{\"event\":\"say\",\"room\":\"r\",\"message\":{\"t\":1}}").error());
        assertEquals("message must be a string", invalid("{\"event\":\"say\",\"room\":\"r\",\"message\":[1]}").error());
        assertEquals("params must be an object", invalid("{\"event\":\"action\",\"params\":\"status\"}").error());
        assertEquals("file must be a string", invalid("{\"event\":\"file\",\"file\":3}").error());
    }

    @Test
    void aRefusedVerbEchoesItsArgumentsButNotItsEnvelope() {
        ClientEvent.Invalid invalid = invalid("{\"event\":\"say\",\"messageId\":3,\"room\":\"r\",\"message\":{\"t\":1}}");
        assertEquals(json("{\"message\":{\"t\":1}}"), invalid.data());
    }

    // ---- message ids

    @Test
    void messageIdsKeepTheirJsonType() {
        assertEquals(Json.createValue("abc"), decode("{\"event\":\"detailsView\",\"messageId\":\"abc\"}").messageId());
        assertEquals(Json.createValue(42), decode("{\"event\":\"detailsView\",\"messageId\":42}").messageId());
        assertEquals(json("1.5"), decode("{\"event\":\"detailsView\",\"messageId\":1.5}").messageId());
    }

    @Test
    void aMissingOrFalsyMessageIdIsReplacedByAUuid() {
        for (String id : new String[]{null, "0", "\"\"", "false", "null"}) {
            String frame = id == null ? "{\"event\":\"detailsView\"}" : "{\"event\":\"detailsView\",\"messageId\":" + id + "}";
            ClientEvent.Request request = decode(frame);
            assertInstanceOf(ClientEvent.DetailsView.class, request, frame);
            assertFreshId(request.messageId());
        }
    }

    // ---- the verbs

    @Test
    void eachVerbDecodesToItsEvent() {
        JsonValue id = Json.createValue(1);
        assertEquals(new ClientEvent.DetailsView(id), decode("{\"event\":\"detailsView\",\"messageId\":1}"));
        assertEquals(new ClientEvent.Quit(id), decode("{\"event\":\"quit\",\"messageId\":1}"));
        assertEquals(new ClientEvent.Quit(id), decode("{\"event\":\"exit\",\"messageId\":1}"));
        assertEquals(new ClientEvent.Documentation(id), decode("{\"event\":\"documentation\",\"messageId\":1}"));
        assertEquals(new ClientEvent.RoomAdd(id, "lobby"), decode("{\"event\":\"roomAdd\",\"room\":\"lobby\",\"messageId\":1}"));
        assertEquals(new ClientEvent.RoomLeave(id, "lobby"), decode("{\"event\":\"roomLeave\",\"room\":\"lobby\",\"messageId\":1}"));
        assertEquals(new ClientEvent.RoomView(id, "lobby"), decode("{\"event\":\"roomView\",\"room\":\"lobby\",\"messageId\":1}"));
        assertEquals(new ClientEvent.Say(id, "lobby", "hi"),
                decode("{\"event\":\"say\",\"room\":\"lobby\",\"message\":\"hi\",\"messageId\":1}"));
        assertEquals(new ClientEvent.ActionCall(id, json("{\"action\":\"status\"}").asJsonObject()),
                decode("{\"event\":\"action\",\"params\":{\"action\":\"status\"},\"messageId\":1}"));
        assertEquals(new ClientEvent.FileCall(id, "index.html"),
                decode("{\"event\":\"file\",\"file\":\"index.html\",\"messageId\":1}"));
    }

    @Test
    void missingArgumentsAreLeftForTheVerbToRefuse() {
        JsonValue id = Json.createValue(1);
        assertEquals(new ClientEvent.RoomAdd(id, null), decode("{\"event\":\"roomAdd\",\"messageId\":1}"));
        assertEquals(new ClientEvent.RoomView(id, null), decode("{\"event\":\"roomView\",\"room\":null,\"messageId\":1}"));
        assertEquals(new ClientEvent.Say(id, null, null), decode("{\"event\":\"say\",\"messageId\":1}"));
        assertEquals(new ClientEvent.Say(id, "r", null), decode("{\"event\":\"say\",\"room\":\"r\",\"message\":null,\"messageId\":1}"));
        assertEquals(new ClientEvent.ActionCall(id, JsonValue.EMPTY_JSON_OBJECT), decode("{\"event\":\"action\",\"messageId\":1}"));
        assertEquals(new ClientEvent.FileCall(id, null), decode("{\"event\":\"file\",\"messageId\":1}"));
    }

    @Test
    void aSayOfANumberOrBooleanArrivesAsText() {
        assertEquals("42", ((ClientEvent.Say) decode("{\"event\":\"say\",\"room\":\"r\",\"message\":42}")).message());
        assertEquals("true", ((ClientEvent.Say) decode("{\"event\":\"say\",\"room\":\"r\",\"message\":true}")).message());
    }

    private static ClientEvent.Request decode(String frame) {
        return assertInstanceOf(ClientEvent.Request.class, EventDecoder.decode(frame), frame);
    }

    private static ClientEvent.Invalid invalid(String frame) {
        return assertInstanceOf(ClientEvent.Invalid.class, EventDecoder.decode(frame), frame);
    }

    private static void assertFreshId(JsonValue id) {
        assertTrue(id instanceof JsonString s && UUID.matcher(s.getString()).matches(), String.valueOf(id));
    }

    private static JsonValue json(String text) {
        return Json.createReader(new java.io.StringReader(text)).readValue();
    }
}
