package io.huddle.cluster;

import io.huddle.connection.Connections;

import java.util.Optional;

/** The embedded default: every connection lives on this node, so the local registry is the directory. */
public class InMemoryConnectionDirectory implements ConnectionDirectory {

    private final String nodeId;
    private final Connections connections;

    public InMemoryConnectionDirectory(String nodeId, Connections connections) {
        this.nodeId = nodeId;
        this.connections = connections;
    }

    @Override
    public void register(String connectionId) {
        // the local registry already knows it
    }

    @Override
    public void unregister(String connectionId) {
        // the local registry already forgot it
    }

    @Override
    public Optional<String> nodeOf(String connectionId) {
        return connections.find(connectionId).map(c -> nodeId);
    }
}
