package io.huddle.cluster;

/** Which nodes of the cluster are alive: whose heartbeat is current. */
interface LiveNodes {

    /**
     * Whether {@code node} is alive; always true for this node. Bounded by the Redis timeout, or throws
     * {@link ClusterUnavailable}.
     */
    boolean isAlive(String node);
}
