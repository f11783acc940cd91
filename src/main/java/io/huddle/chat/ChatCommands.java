package io.huddle.chat;

import io.huddle.cluster.NodeCommand;
import io.huddle.cluster.NodeCommandHandler;
import io.huddle.cluster.NodeCommandResult;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Carries out {@link NodeCommand}s for connections on this node, whichever node sent them. */
@ApplicationScoped
public class ChatCommands implements NodeCommandHandler {

    @Inject
    Connections connections;

    @Inject
    RoomManager rooms;

    @Override
    public NodeCommandResult handle(NodeCommand command) {
        Optional<Connection> target = connections.find(command.connectionId());
        if (target.isEmpty()) {
            return NodeCommandResult.failed("connection not found (" + command.connectionId() + ")");
        }
        Connection connection = target.get();
        try {
            switch (command.kind()) {
                case NodeCommand.ADD_MEMBER -> rooms.join(connection, command.room());
                case NodeCommand.REMOVE_MEMBER -> rooms.leave(connection, command.room());
                case NodeCommand.EVICT -> rooms.evict(connection, command.room(), false);
                case NodeCommand.SEND -> {
                    if (!connection.send(connections.encodePush(command.message()))) {
                        return NodeCommandResult.failed("connection cannot take messages (" + connection.id() + ")");
                    }
                }
                default -> {
                    return NodeCommandResult.failed("unknown command " + command.kind());
                }
            }
            return NodeCommandResult.done();
        } catch (ClientError e) {
            return NodeCommandResult.failed(e.getMessage());
        }
    }
}
