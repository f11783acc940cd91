package io.huddle.cluster;

/**
 * What travels on a node's command channel: a request (with {@code command}) or the reply to one (with
 * {@code result}), matched by {@code requestId}.
 */
public record CommandEnvelope(String requestId, String replyTo, NodeCommand command, NodeCommandResult result) {

    static CommandEnvelope request(String requestId, String replyTo, NodeCommand command) {
        return new CommandEnvelope(requestId, replyTo, command, null);
    }

    static CommandEnvelope reply(String requestId, NodeCommandResult result) {
        return new CommandEnvelope(requestId, null, null, result);
    }
}
