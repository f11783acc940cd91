package io.huddle.cluster;

import io.huddle.connection.Connection;
import io.huddle.connection.ConnectionClosed;
import io.huddle.connection.Connections;
import io.huddle.connection.ConnectionOpened;
import io.huddle.connection.RemoteConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Keeps the connection directory current and pushes to connections on other nodes through their node channel. */
@ApplicationScoped
public class ClusterConnections implements RemoteConnections {

    @Inject
    ConnectionDirectory directory;

    @Inject
    ClusterBus bus;

    @Inject
    Connections connections;

    void opened(@Observes ConnectionOpened opened) {
        if (opened.connection().canChat()) {
            directory.register(opened.connection().id());
        }
    }

    /** After Redis was away or lost its data: record this node's connections again. */
    void reRegister(@Observes ClusterReconnected reconnected) {
        for (Connection connection : connections.all()) {
            if (connection.canChat()) {
                directory.register(connection.id());
            }
        }
    }

    void closed(@Observes ConnectionClosed closed) {
        if (closed.connection().canChat()) {
            directory.unregister(closed.connection().id());
        }
    }

    @Override
    public CompletionStage<Boolean> send(String connectionId, JsonObject message) {
        Optional<String> node;
        try {
            node = directory.nodeOf(connectionId);
        } catch (ClusterUnavailable e) {
            return CompletableFuture.completedFuture(false);
        }
        if (node.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        return bus.send(node.get(), new NodeCommand.Push(connectionId, message))
                .thenApply(NodeCommandResult::ok);
    }
}
