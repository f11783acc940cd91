package io.huddle.cluster;

import io.huddle.connection.FrameEncoder;
import io.huddle.connection.Jsonp;
import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Node commands and their replies cross nodes as JSON-B text and come back as the same records. */
class CommandEnvelopeTest {

    private final Jsonb jsonb = new FrameEncoder().jsonb();

    private CommandEnvelope roundTrip(CommandEnvelope envelope) {
        return jsonb.fromJson(jsonb.toJson(envelope), CommandEnvelope.class);
    }

    @Test
    void everyKindOfCommandComesBackAsItself() {
        List<NodeCommand> commands = List.of( // one of each kind (checked below)
                new NodeCommand.AddMember("c1", "lobby"),
                new NodeCommand.RemoveMember("c1", "lobby"),
                new NodeCommand.Evict("c1", "lobby"),
                new NodeCommand.Push("c1", parse("{\"welcome\":\"hi\"}")));
        for (NodeCommand command : commands) {
            CommandEnvelope back = roundTrip(CommandEnvelope.request("r1", "node-a", command));

            assertEquals(command, back.command());
            assertEquals("node-a", back.replyTo());
            assertNull(back.result());
        }
        assertEquals(NodeCommand.class.getPermittedSubclasses().length, commands.size());
    }

    @Test
    void aReplyCarriesTheResultAndNoCommand() {
        CommandEnvelope back = roundTrip(CommandEnvelope.reply("r1", NodeCommandResult.failed("room does not exist")));

        assertEquals(NodeCommandResult.failed("room does not exist"), back.result());
        assertNull(back.command());
    }

    private static jakarta.json.JsonValue parse(String json) {
        try (jakarta.json.JsonReader reader = Jsonp.reader(new java.io.StringReader(json))) {
            return reader.readValue();
        }
    }
}
