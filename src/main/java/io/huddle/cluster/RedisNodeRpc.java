package io.huddle.cluster;

import io.huddle.connection.ErrorMessages;
import jakarta.json.bind.Jsonb;
import org.redisson.api.RTopic;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Node commands over Redis pub/sub: one channel per node, carrying requests to it and replies to its own requests
 * ({@link CommandEnvelope}s), matched by request id. Commands touch Redis themselves, so they run on the command
 * executor, never on Redisson's threads.
 */
final class RedisNodeRpc {

    private static final Logger LOG = Logger.getLogger(RedisNodeRpc.class.getName());

    private final PubSubTopics topics;
    private final RedisKeys keys;
    private final Jsonb jsonb;
    private final String nodeId;
    private final NodeCommandHandler commands;
    private final Executor commandExecutor;
    private final long rpcTimeoutMillis;

    private final Map<String, CompletableFuture<NodeCommandResult>> pending = new ConcurrentHashMap<>();
    private volatile Integer commandListener;

    RedisNodeRpc(PubSubTopics topics, RedisKeys keys, Jsonb jsonb, String nodeId, NodeCommandHandler commands,
                 Executor commandExecutor, long rpcTimeoutMillis) {
        this.topics = topics;
        this.keys = keys;
        this.jsonb = jsonb;
        this.nodeId = nodeId;
        this.commands = commands;
        this.commandExecutor = commandExecutor;
        this.rpcTimeoutMillis = rpcTimeoutMillis;
    }

    /** Subscribes this node's command channel; a failure is logged and retried by {@link #ensureListening}. */
    void listen() {
        try {
            commandListener = nodeTopic(nodeId).addListener(String.class, (channel, json) -> receive(json));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot listen for commands yet (Redis unavailable); retrying", e);
        }
    }

    /** Subscribes the command channel if an earlier attempt failed; called on every node heartbeat. */
    void ensureListening() {
        if (commandListener == null) {
            listen();
        }
    }

    /** Subscribes the command channel again, after the probe found pub/sub quiet while commands work. */
    void relisten() {
        Integer listener = commandListener;
        if (listener != null) {
            try {
                nodeTopic(nodeId).removeListenerAsync(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "unsubscribing from commands failed", e);
            }
        }
        commandListener = null;
        listen();
    }

    private void receive(String json) {
        CommandEnvelope envelope;
        try {
            envelope = jsonb.fromJson(json, CommandEnvelope.class);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped an unreadable command: " + json, e);
            return;
        }
        if (envelope.result() != null) {
            CompletableFuture<NodeCommandResult> waiting = pending.remove(envelope.requestId());
            if (waiting != null) {
                waiting.complete(envelope.result());
            }
            return;
        }
        commandExecutor.execute(() -> answer(envelope));
    }

    private void answer(CommandEnvelope request) {
        NodeCommandResult result;
        try {
            result = commands.handle(request.command());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "command " + request.command() + " failed", e);
            result = NodeCommandResult.failed(ErrorMessages.commandFailed(nodeId, e.getMessage()));
        }
        try {
            nodeTopic(request.replyTo()).publishAsync(jsonb.toJson(
                    CommandEnvelope.reply(request.requestId(), result)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not answer " + request.replyTo(), e);
        }
    }

    /** See {@link ClusterBus#send}. */
    CompletionStage<NodeCommandResult> send(String node, NodeCommand command) {
        if (nodeId.equals(node)) {
            return CompletableFuture.completedFuture(commands.handle(command));
        }
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<NodeCommandResult> answer = new CompletableFuture<>();
        pending.put(requestId, answer);
        String timeout = "node " + node + " did not answer within " + rpcTimeoutMillis + " ms";
        try {
            nodeTopic(node).publishAsync(jsonb.toJson(CommandEnvelope.request(requestId, nodeId, command)))
                    .whenComplete((receivers, error) -> {
                        if (error != null) {
                            answer.complete(NodeCommandResult.failed(new ClusterUnavailable("reach node " + node)
                                    .getMessage()));
                        } else if (receivers == 0) {
                            answer.complete(NodeCommandResult.failed(ErrorMessages.nodeNotRunning(node)));
                        }
                    });
        } catch (RuntimeException e) {
            answer.complete(NodeCommandResult.failed(new ClusterUnavailable("reach node " + node).getMessage()));
        }
        return answer.completeOnTimeout(NodeCommandResult.failed(timeout), rpcTimeoutMillis, TimeUnit.MILLISECONDS)
                .whenComplete((result, error) -> pending.remove(requestId));
    }

    /** Answers every request still waiting: this node is going away. */
    void close() {
        pending.values().forEach(p -> p.complete(NodeCommandResult.failed(ErrorMessages.nodeShuttingDown(nodeId))));
    }

    private RTopic nodeTopic(String node) {
        return topics.topic(keys.nodeChannel(node));
    }
}
