package io.huddle.cluster;

import io.huddle.connection.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Chooses the cluster implementations at boot: Redis when {@code huddle.redis.address} (or a Redisson config file)
 * is set, otherwise the in-memory ones for a single node.
 */
@ApplicationScoped
public class ClusterSetup {

    private static final Logger LOG = Logger.getLogger(ClusterSetup.class.getName());

    @Inject
    NodeIdentity node;

    @Inject
    RoomDelivery delivery;

    @Inject
    NodeCommandHandler commands;

    @Inject
    Connections connections;

    @Produces
    @ApplicationScoped
    RoomStore roomStore() {
        LOG.info(() -> "node " + node.id() + ": rooms and members in memory (single node; set huddle.redis.address"
                + " to cluster)");
        return new InMemoryRoomStore();
    }

    @Produces
    @ApplicationScoped
    ClusterBus clusterBus() {
        return new InMemoryClusterBus(node.id(), delivery, commands);
    }

    @Produces
    @ApplicationScoped
    ConnectionDirectory connectionDirectory() {
        return new InMemoryConnectionDirectory(node.id(), connections);
    }
}
