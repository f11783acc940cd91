package io.huddle.cluster;

/**
 * CDI event: this node reached Redis after not reaching it (boot with Redis down, an outage, or a Redis restart
 * that lost its data). Features rewrite what this node holds so the shared state is right again.
 */
public record ClusterReconnected() {
}
