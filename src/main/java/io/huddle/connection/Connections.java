package io.huddle.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connections living on this node, by id, and the way application code pushes to one of them.
 *
 * <pre>{@code
 * @Inject Connections connections;
 * connections.sendMessage(id, Map.of("text", "your export is ready"));   // arrives with "context":"api"
 * }</pre>
 */
@ApplicationScoped
public class Connections {

    /** The context a push gets when it names none: never "response", so no client callback mistakes it for a reply. */
    public static final String DEFAULT_PUSH_CONTEXT = "api";

    private static final Logger LOG = Logger.getLogger(Connections.class.getName());

    private final Map<String, Connection> byId = new ConcurrentHashMap<>();

    @Inject
    FrameEncoder encoder;

    @Inject
    RemoteConnections remote;

    @Inject
    Event<ConnectionOpened> opened;

    @Inject
    Event<ConnectionClosed> closed;

    public void register(Connection connection) {
        byId.put(connection.id(), connection);
        opened.fire(new ConnectionOpened(connection));
    }

    /** Forgets a connection and tells every feature it is gone; safe to call twice. */
    public void unregister(Connection connection) {
        if (byId.remove(connection.id(), connection)) {
            try {
                closed.fire(new ConnectionClosed(connection));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cleanup after " + connection + " failed", e);
            }
        }
    }

    public Optional<Connection> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Collection<Connection> all() {
        return Collections.unmodifiableCollection(byId.values());
    }

    public int count() {
        return byId.size();
    }

    /**
     * Pushes {@code message} (anything JSON-B maps to a JSON object) to a connection on any node. A message without
     * a {@code context} gets {@value #DEFAULT_PUSH_CONTEXT}. Completes with false if no live node holds the
     * connection (or it cannot take more); never completes exceptionally.
     */
    public CompletionStage<Boolean> sendMessageAsync(String connectionId, Object message) {
        JsonObject object = pushObject(message);
        Connection connection = byId.get(connectionId);
        if (connection != null) {
            return CompletableFuture.completedFuture(connection.send(encoder.encode(object)));
        }
        return remote.send(connectionId, object);
    }

    /** {@link #sendMessageAsync}, waiting for the answer (at most the cluster RPC timeout for a remote connection). */
    public boolean sendMessage(String connectionId, Object message) {
        return sendMessageAsync(connectionId, message).toCompletableFuture().join();
    }

    /** The frame text of a push: the message as a JSON object with a context. */
    public String encodePush(Object message) {
        return encoder.encode(pushObject(message));
    }

    private JsonObject pushObject(Object message) {
        JsonValue value = message instanceof JsonValue json ? json
                : encoder.jsonb().fromJson(encoder.jsonb().toJson(message), JsonValue.class);
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException("a pushed message must be a JSON object, got " + value.getValueType());
        }
        if (!object.containsKey("context")) {
            object = Jsonp.objectBuilder(object).add("context", DEFAULT_PUSH_CONTEXT).build();
        }
        return object;
    }
}
