package io.huddle.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test fixture: a node's command handler that records every command it gets and reports each one done. */
public final class RecordingCommands implements NodeCommandHandler {

    private final List<NodeCommand> handled = new CopyOnWriteArrayList<>();

    /** The commands handled so far, in order. */
    public List<NodeCommand> handled() {
        return handled;
    }

    private NodeCommandResult record(NodeCommand command) {
        handled.add(command);
        return NodeCommandResult.done();
    }

    @Override
    public NodeCommandResult addMember(NodeCommand.AddMember command) {
        return record(command);
    }

    @Override
    public NodeCommandResult removeMember(NodeCommand.RemoveMember command) {
        return record(command);
    }

    @Override
    public NodeCommandResult evict(NodeCommand.Evict command) {
        return record(command);
    }

    @Override
    public NodeCommandResult push(NodeCommand.Push command) {
        return record(command);
    }
}
