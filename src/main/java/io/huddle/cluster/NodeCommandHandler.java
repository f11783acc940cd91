package io.huddle.cluster;

/**
 * Executes {@link NodeCommand}s on the node holding the target connection; implemented by the chat layer. One method
 * per kind of command. An unknown connection, or a command the connection refuses, is a failed result, not an
 * exception.
 */
public interface NodeCommandHandler {

    NodeCommandResult addMember(NodeCommand.AddMember command);

    NodeCommandResult removeMember(NodeCommand.RemoveMember command);

    NodeCommandResult evict(NodeCommand.Evict command);

    NodeCommandResult push(NodeCommand.Push command);

    /** Runs any command with the method for its kind. */
    default NodeCommandResult handle(NodeCommand command) {
        return command.runOn(this);
    }
}
