package io.huddle.connection;

import jakarta.json.JsonObject;

import java.util.concurrent.CompletionStage;

/** Reaches connections that live on other nodes; implemented by the cluster layer. */
public interface RemoteConnections {

    /**
     * Pushes a message object to a connection on another node. Completes with true once that node queued it, false
     * if no live node holds the connection; never completes exceptionally.
     */
    CompletionStage<Boolean> send(String connectionId, JsonObject message);
}
