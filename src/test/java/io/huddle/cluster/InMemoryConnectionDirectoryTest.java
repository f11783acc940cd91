package io.huddle.cluster;

import io.huddle.connection.Connection;
import io.huddle.connection.Connections;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** On a single node, every connection the node holds is on this node, and no other connection exists. */
class InMemoryConnectionDirectoryTest {

    private final Map<String, Connection> local = Map.of("c1",
            new Connection("c1", "fp", Connection.TYPE_WEBSOCKET, "127.0.0.1", 1, null));

    private final ConnectionDirectory directory = new InMemoryConnectionDirectory("node-a", new Connections() {
        @Override
        public Optional<Connection> find(String id) {
            return Optional.ofNullable(local.get(id));
        }
    });

    @Test
    void aLocalConnectionIsOnThisNode() {
        assertEquals(Optional.of("node-a"), directory.nodeOf("c1"));
    }

    @Test
    void anUnknownConnectionIsNowhereEvenAfterRegistering() {
        directory.register("c2");
        assertEquals(Optional.empty(), directory.nodeOf("c2"));
    }

    @Test
    void theLocalRegistryDecidesNotRegistration() {
        directory.unregister("c1");
        assertEquals(Optional.of("node-a"), directory.nodeOf("c1"));
    }
}
