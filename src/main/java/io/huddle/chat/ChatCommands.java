package io.huddle.chat;

import io.huddle.cluster.NodeCommand;
import io.huddle.cluster.NodeCommandHandler;
import io.huddle.cluster.NodeCommandResult;
import io.huddle.connection.ClientError;
import io.huddle.connection.Connection;
import io.huddle.connection.Connections;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Consumer;

/** Carries out {@link NodeCommand}s for connections on this node, whichever node sent them. */
@ApplicationScoped
public class ChatCommands implements NodeCommandHandler {

    @Inject
    Connections connections;

    @Inject
    Membership membership;

    @Override
    public NodeCommandResult addMember(NodeCommand.AddMember command) {
        return on(command, connection -> membership.join(connection, command.room()));
    }

    @Override
    public NodeCommandResult removeMember(NodeCommand.RemoveMember command) {
        return on(command, connection -> membership.leave(connection, command.room()));
    }

    @Override
    public NodeCommandResult evict(NodeCommand.Evict command) {
        return on(command, connection -> membership.evict(connection, command.room(), false));
    }

    @Override
    public NodeCommandResult push(NodeCommand.Push command) {
        return on(command, connection -> {
            if (!connection.send(connections.encodePush(command.message()))) {
                throw new ClientError(ErrorMessages.cannotTakeMessages(connection.id()));
            }
        });
    }

    /** Runs {@code action} on the command's connection; its client error becomes the failed result. */
    private NodeCommandResult on(NodeCommand command, Consumer<Connection> action) {
        Optional<Connection> target = connections.find(command.connectionId());
        if (target.isEmpty()) {
            return NodeCommandResult.failed(ErrorMessages.connectionNotFound(command.connectionId()));
        }
        try {
            action.accept(target.get());
            return NodeCommandResult.done();
        } catch (Refusal e) {
            return NodeCommandResult.failed(e.getMessage());
        }
    }
}
