package io.huddle.cluster;

import jakarta.json.JsonValue;

/**
 * An order for the node holding a connection, answered with a {@link NodeCommandResult}: join or leave a room (a
 * leave that hooks may refuse), be evicted from a room being destroyed (which they cannot refuse; announced
 * beforehand), or push a message. On the wire it is one named field of a {@link CommandEnvelope}.
 */
public sealed interface NodeCommand permits NodeCommand.AddMember, NodeCommand.RemoveMember, NodeCommand.Evict,
        NodeCommand.Push {

    /** The target connection, on the node that runs the command. */
    String connectionId();

    /** Runs this command with the handler method for its kind: a new kind does not compile until handled. */
    NodeCommandResult runOn(NodeCommandHandler handler);

    /** Join {@code room} as if the connection had sent {@code roomAdd}: join hooks decide. */
    record AddMember(String connectionId, String room) implements NodeCommand {
        @Override
        public NodeCommandResult runOn(NodeCommandHandler handler) {
            return handler.addMember(this);
        }
    }

    /** Leave {@code room} as if the connection had sent {@code roomLeave}: leave hooks may refuse. */
    record RemoveMember(String connectionId, String room) implements NodeCommand {
        @Override
        public NodeCommandResult runOn(NodeCommandHandler handler) {
            return handler.removeMember(this);
        }
    }

    /** Leave {@code room} whatever the leave hooks say, without announcing it (the room is being destroyed). */
    record Evict(String connectionId, String room) implements NodeCommand {
        @Override
        public NodeCommandResult runOn(NodeCommandHandler handler) {
            return handler.evict(this);
        }
    }

    /** Push {@code message} (a JSON object) to the connection. */
    record Push(String connectionId, JsonValue message) implements NodeCommand {
        @Override
        public NodeCommandResult runOn(NodeCommandHandler handler) {
            return handler.push(this);
        }
    }
}
