package io.huddle.action.builtin;

import io.huddle.chat.RoomManager;
import io.huddle.cluster.ClusterSetup;
import io.huddle.cluster.ClusterUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Adds rooms and the cluster's state to {@code status}; an unreachable Redis makes the node unhealthy. */
@ApplicationScoped
public class ChatStatus implements StatusContributor {

    @Inject
    RoomManager rooms;

    @Inject
    ClusterSetup cluster;

    @Override
    public void contribute(StatusReport report) {
        report.put("clustered", cluster.clustered());
        cluster.pubSub().ifPresent(pubSub -> report.put("pubSub", pubSub));
        if (!cluster.healthy()) {
            report.problem("Redis is unreachable: serving this node's connections only");
            return;
        }
        try {
            report.put("rooms", rooms.list().size());
        } catch (ClusterUnavailable e) {
            report.problem(e.getMessage());
        }
    }
}
