package io.huddle.cluster;

/**
 * What travels on a node's command channel: a request (one command field set, named for its kind) or the reply to
 * one ({@code result}), matched by {@code requestId}. Named fields rather than JSON-B polymorphism: Yasson 3.0
 * cannot read a {@code JsonValue} inside a polymorphic type, and any JSON-B reads this.
 */
public record CommandEnvelope(String requestId, String replyTo, NodeCommand.AddMember addMember,
                              NodeCommand.RemoveMember removeMember, NodeCommand.Evict evict,
                              NodeCommand.Push push, NodeCommandResult result) {

    static CommandEnvelope request(String requestId, String replyTo, NodeCommand command) {
        CommandEnvelope request = new CommandEnvelope(requestId, replyTo,
                command instanceof NodeCommand.AddMember add ? add : null,
                command instanceof NodeCommand.RemoveMember remove ? remove : null,
                command instanceof NodeCommand.Evict evict ? evict : null,
                command instanceof NodeCommand.Push push ? push : null, null);
        if (request.command() == null) {
            throw new IllegalArgumentException("no envelope field for " + command);
        }
        return request;
    }

    static CommandEnvelope reply(String requestId, NodeCommandResult result) {
        return new CommandEnvelope(requestId, null, null, null, null, null, result);
    }

    /** The command of a request; null in a reply. */
    NodeCommand command() {
        return addMember != null ? addMember : removeMember != null ? removeMember : evict != null ? evict : push;
    }
}
