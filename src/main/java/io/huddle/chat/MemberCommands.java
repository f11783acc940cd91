package io.huddle.chat;

import io.huddle.cluster.ClusterBus;
import io.huddle.cluster.ConnectionDirectory;
import io.huddle.cluster.NodeCommand;
import io.huddle.cluster.NodeCommandResult;
import io.huddle.config.ClusterSettings;
import io.huddle.connection.ClientError;
import io.huddle.connection.ErrorMessages;
import io.huddle.connection.ServerRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Membership changes for a connection living on any node: the command goes to its node ({@link ChatCommands} runs
 * it there with {@link Membership}) and this waits for the answer, at most the RPC timeout.
 */
@ApplicationScoped
public class MemberCommands {

    @Inject
    ConnectionDirectory directory;

    @Inject
    ClusterBus bus;

    @Inject
    ClusterSettings cluster;

    /** Adds a connection to a room; join hooks run on its node. Throws its error. */
    public void addMember(String connectionId, String room) {
        run(new NodeCommand.AddMember(connectionId, room));
    }

    /** Removes a connection from a room; leave hooks run on its node and may refuse. Throws its error. */
    public void removeMember(String connectionId, String room) {
        run(new NodeCommand.RemoveMember(connectionId, room));
    }

    /** Removes a connection from a room being destroyed, without announcing it again. Throws its error. */
    void evict(String connectionId, String room) {
        run(new NodeCommand.Evict(connectionId, room));
    }

    private void run(NodeCommand command) {
        String connectionId = command.connectionId();
        String node = directory.nodeOf(connectionId)
                .orElseThrow(() -> new ClientError(ErrorMessages.connectionNotFound(connectionId), 404));
        NodeCommandResult result;
        try {
            result = bus.send(node, command).toCompletableFuture()
                    .get(cluster.rpcTimeoutMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerRefusal(ErrorMessages.interruptedWaitingFor(node));
        } catch (ExecutionException | TimeoutException e) {
            throw new ServerRefusal(ErrorMessages.nodeDidNotAnswer(node));
        }
        if (!result.ok()) {
            throw new ClientError(result.error());
        }
    }
}
