package io.huddle.cluster;

/**
 * CDI event: another node's heartbeat expired (it crashed or lost Redis for good). Fired on exactly one survivor,
 * which must remove the dead node's members; afterwards what is recorded about the node is forgotten.
 */
public record NodeDied(String node) {
}
