package io.huddle.cluster;

import java.util.Map;

/**
 * Open websocket connections per fingerprint across the cluster: what makes
 * {@code huddle.limits.connectionsPerFingerprint} a cluster-wide cap, so that one user cannot hold the cap on every
 * node. Each node counts its own connections; a node that died stops counting at once (its share is left out of
 * every sum) and its leftovers expire.
 *
 * <p>Contract: {@link #admit} and {@link #release} pair up per connection on the node that admitted it. Both are
 * bounded by the Redis timeout and throw {@link ClusterUnavailable} when Redis does not answer, at once while this
 * node knows Redis to be away (so an outage does not slow every upgrade down by a timeout); the caller then
 * decides (Huddle's {@code ConnectionQuota} falls back to the node's own cap and rewrites this node's counts with
 * {@link #rewrite} once Redis is back).
 */
public interface FingerprintConnections {

    /** A single node: its own counts are the cluster's, so there is nothing more to hold. */
    FingerprintConnections SINGLE_NODE = new FingerprintConnections() {
        @Override
        public boolean admit(String fingerprint, int max) {
            return true;
        }

        @Override
        public void release(String fingerprint) {
        }

        @Override
        public void rewrite(Map<String, Integer> counts) {
        }
    };

    /**
     * Counts one more connection of {@code fingerprint} on this node, unless the live nodes already hold {@code max}.
     *
     * @return false, counting nothing, when the cluster is at the cap
     */
    boolean admit(String fingerprint, int max);

    /** One connection of {@code fingerprint} on this node closed. */
    void release(String fingerprint);

    /**
     * Replaces this node's counts with {@code counts} (fingerprint → open connections on this node; a fingerprint
     * with 0 is removed): after Redis was away, when releases may have been lost, or came back empty.
     */
    void rewrite(Map<String, Integer> counts);
}
