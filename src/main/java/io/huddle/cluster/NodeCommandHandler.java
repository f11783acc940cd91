package io.huddle.cluster;

/** Executes {@link NodeCommand}s on the node holding the target connection; implemented by the chat layer. */
public interface NodeCommandHandler {

    /** Runs the command against a local connection; an unknown connection is a failed result, not an exception. */
    NodeCommandResult handle(NodeCommand command);
}
